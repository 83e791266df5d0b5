using System.Globalization;
using Workflow.Api.Pages.Layout;
using Workflow.Api.Pages.Reevaluation;
using Workflow.Api.Security;
using Workflow.Domain.Security;
using Workflow.Application.Campaigns;
using Workflow.Application.Wording;
using Workflow.Application.Cases;
using Workflow.Application.Queries;
using Workflow.Application.Reference;
using Workflow.Rules.Policies;

using Workflow.Application.Reports;
using Workflow.Application.YearOverYear;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>
/// /campaigns (list and create), /campaigns/{id} (the dashboard, launch, and the form that starts a re-evaluation) and
/// /campaigns/{id}/audit.
/// </summary>
public static class CampaignsPage
{
    public static void MapCampaignsPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/campaigns", async (HttpContext http, CampaignStore campaigns, CancellationToken ct) =>
            List(http, await campaigns.ListAsync(ct), null, null));

        pages.MapPost("/campaigns", async (IFormCollection form, HttpContext http, CampaignStore campaigns, CancellationToken ct) =>
        {
            var name = form["name"].ToString().Trim();
            var ok = DateOnly.TryParse(form["periodStart"], CultureInfo.InvariantCulture, out var start)
                   & DateOnly.TryParse(form["periodEnd"], CultureInfo.InvariantCulture, out var end)
                   & DateOnly.TryParse(form["responseDueDate"], CultureInfo.InvariantCulture, out var due);
            string? error = name.Length == 0 ? "Give the campaign a name, e.g. \"Calendar 2026\"."
                : !ok ? "Give the period start, period end and response due date."
                : start > end ? "The period must not end before it starts." : null;
            if (error is not null) return List(http, await campaigns.ListAsync(ct), error, form);
            // Carry-over keeps last year's pin; inactive and terminated suppliers stay out unless ticked.
            if (Guid.TryParse(form["copyFrom"], out var copyFrom))
            {
                var carried = await campaigns.CreateFromAsync(copyFrom, name, start, end, due, null,
                    form["includeInactive"] == "true", form["includeTerminated"] == "true", http.ActorOf(), ct);
                return Layout.SeeOther.To($"/campaigns/{carried.CampaignId}");
            }
            var id = await campaigns.CreateAsync(name, start, end, due, http.ActorOf(), ct);
            return Layout.SeeOther.To($"/campaigns/{id}");
        }).RequireAuthorization(AccessPolicies.Owner);

        pages.MapGet("/campaigns/{id:guid}", async (Guid id, string? launched, string? surveyed, string? wave, HttpContext http, CampaignStore campaigns,
            CampaignDashboardQuery dashboards, ReferenceListStore references, IPolicySource catalog, TimeProvider clock, CancellationToken ct) =>
        {
            var campaign = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            var choices = http.User.IsInRole(Roles.ComplianceOwner) && campaign.LaunchedAt is not null
                ? await ReevaluationPages.ChoicesAsync(campaign, references, catalog, ct) : null;
            var scope = await campaigns.ScopeAsync(id, ct);
            return await DashboardAsync(http, campaign, await dashboards.GetAsync(id, ct), clock, LaunchNotice(launched, surveyed, wave, scope), scope.NotYetSurveyed,
                lastYear: await AgainstLastYearAsync(http, id, ct), reevaluation: choices, scope: scope);
        });

        // The question before the launch: how many suppliers will get the request (the POST below does it).
        pages.MapGet("/campaigns/{id:guid}/launch", async (Guid id, CampaignStore campaigns, CancellationToken ct) =>
        {
            var campaign = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            return PageResult.Of<LaunchConfirmView, LaunchConfirmModel>(new LaunchConfirmModel(campaign, await campaigns.ScopeAsync(id, ct)));
        }).RequireAuthorization(AccessPolicies.Owner);

        // Suppliers imported or brought into scope after launch get the request through the same launch path.
        pages.MapPost("/campaigns/{id:guid}/survey-new", async (Guid id, HttpContext http, CampaignStore campaigns, CancellationToken ct) =>
        {
            var campaign = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            if (campaign.LaunchedAt is null) return Layout.SeeOther.To($"/campaigns/{id}/launch");
            var opened = await campaigns.LaunchAsync(id, null, http.ActorOf(), ct);
            return Layout.SeeOther.To($"/campaigns/{id}?surveyed={opened.Count}");
        }).RequireAuthorization(AccessPolicies.Owner);

        pages.MapGet("/campaigns/{id:guid}/audit", async (Guid id, CampaignStore campaigns, CampaignAuditTrail audit, CancellationToken ct) =>
        {
            var campaign = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            var lines = (await audit.ListAsync(id, ct)).Select(CampaignAuditWording.Of).ToList();
            return PageResult.Of<CampaignAuditView, CampaignAuditModel>(new CampaignAuditModel(campaign, lines));
        });

        // Launch (all, or a wave) opens cases only for suppliers that have none: the form can be posted again safely.
        pages.MapPost("/campaigns/{id:guid}/launch", async (Guid id, IFormCollection form, HttpContext http, CampaignStore campaigns,
            CampaignDashboardQuery dashboards, TimeProvider clock, CancellationToken ct) =>
        {
            var campaign = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            LaunchWave? wave = null;
            if (form["by"].ToString() is { Length: > 0 } by)
            {
                int? top = int.TryParse(form["top"], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
                decimal? percent = decimal.TryParse(form["topPercent"], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;
                wave = new LaunchWave(by, top, percent);
                if (wave.Problem() is { } problem)
                {
                    var scope = await campaigns.ScopeAsync(id, ct);
                    return await DashboardAsync(http, campaign, await dashboards.GetAsync(id, ct), clock, null, scope.NotYetSurveyed, Notice.Error(problem), 400, scope: scope);
                }
            }
            var opened = await campaigns.LaunchAsync(id, wave, http.ActorOf(), ct);
            // Post/Redirect/Get: a reload shows the outcome again instead of launching again.
            return Layout.SeeOther.To($"/campaigns/{id}?launched={opened.Count}{(wave is null ? "" : "&wave=" + Uri.EscapeDataString(wave.Describe()))}");
        }).RequireAuthorization(AccessPolicies.Owner);
    }

    // The outcome of a launch or a survey of new suppliers, from the redirect's query, in words.
    private static string? LaunchNotice(string? launched, string? surveyed, string? wave, CampaignScope scope)
    {
        var left = $"{Plain.Count(scope.NotYetSurveyed, "in-scope supplier")} not yet surveyed.";
        if (QueryValues.Int(launched) is { } n)
            return $"Launched{(string.IsNullOrWhiteSpace(wave) ? "" : " " + wave)}: {Plain.Count(n, "case")} opened; {left}";
        if (QueryValues.Int(surveyed) is { } m)
            return $"CMRT request sent to {Plain.Count(m, "supplier")} added since launch; {left}";
        return null;
    }

    private static IResult List(HttpContext http, IReadOnlyList<Campaign> campaigns, string? error, IFormCollection? form) =>
        PageResult.Of<CampaignList, CampaignListModel>(new CampaignListModel(campaigns, http.User.IsInRole(Roles.ComplianceOwner), error, form),
            error is null ? 200 : 400);

    // The report's own block, so the dashboard and the report never disagree about last year.
    private static async Task<CampaignYearOverYear?> AgainstLastYearAsync(HttpContext http, Guid id, CancellationToken ct) =>
        await http.RequestServices.GetRequiredService<CampaignReportService>().YearOverYearAsync(id, ct);

    private static async Task<IResult> DashboardAsync(HttpContext http, Campaign campaign, CampaignDashboard d, TimeProvider clock, string? notice, int notYetSurveyed,
        Notice? error = null, int status = 200, CampaignYearOverYear? lastYear = null, ReevaluationChoices? reevaluation = null,
        CampaignScope? scope = null)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var launched = campaign.LaunchedAt is { } l ? DateOnly.FromDateTime(l.UtcDateTime) : (DateOnly?)null;
        var figures = http.RequestServices.GetRequiredService<CampaignFiguresQuery>();
        var window = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PageOptions>>().Value.EscalationWindowDays;
        var ct = http.RequestAborted;
        return PageResult.Of<CampaignDashboardView, CampaignDashboardModel>(new CampaignDashboardModel(campaign, d,
            ResponseCurve.Of(d.ResponsesByDay, d.Cases, launched, campaign.ResponseDueDate, today),
            http.User.IsInRole(Roles.ComplianceOwner) && notYetSurveyed > 0, error ?? (notice is null ? null : Notice.Info(notice)), notYetSurveyed, reevaluation)
            {
                AgainstLastYear = lastYear,
                Steps = scope is null ? null : new CampaignStepsModel(campaign.Id, scope, campaign.LaunchedAt is not null, http.User.IsInRole(Roles.ComplianceOwner)),
                Figures = await figures.GetAsync(campaign.Id, window, ct),
                RedFlags = await figures.RedFlagsAsync(campaign.Id, ct),
            }, status);
    }
}
