using System.Globalization;
using Workflow.Api.Pages.Layout;
using Workflow.Api.Pages.Reevaluation;
using Workflow.Api.Security;
using Workflow.Domain.Security;
using Workflow.Application.Campaigns;
using Workflow.Application.Cases;
using Workflow.Application.Queries;
using Workflow.Application.Reference;
using Workflow.Rules.Policies;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>/campaigns (list and create) and /campaigns/{id} (the dashboard, launch, and the form that starts a re-evaluation).</summary>
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
            var id = await campaigns.CreateAsync(name, start, end, due, http.ActorOf(), ct);
            return Results.Redirect($"/campaigns/{id}");
        }).RequireAuthorization(AccessPolicies.Owner);

        pages.MapGet("/campaigns/{id:guid}", async (Guid id, HttpContext http, CampaignStore campaigns, CampaignDashboardQuery dashboards,
            ReferenceListStore references, PolicyCatalog catalog, TimeProvider clock, CancellationToken ct) =>
        {
            var campaign = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            var choices = http.User.IsInRole(Roles.ComplianceOwner) && campaign.LaunchedAt is not null
                ? await ReevaluationPages.ChoicesAsync(campaign, references, catalog, ct) : null;
            return Dashboard(http, campaign, await dashboards.GetAsync(id, ct), clock, null, choices);
        });

        pages.MapPost("/campaigns/{id:guid}/launch", async (Guid id, IFormCollection _, HttpContext http, CampaignStore campaigns,
            CampaignDashboardQuery dashboards, TimeProvider clock, CancellationToken ct) =>
        {
            var opened = await campaigns.LaunchAsync(id, http.ActorOf(), ct);
            var campaign = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            return Dashboard(http, campaign, await dashboards.GetAsync(id, ct), clock, $"Launched: {opened.Count} cases opened.");
        }).RequireAuthorization(AccessPolicies.Owner);
    }

    private static IResult List(HttpContext http, IReadOnlyList<Campaign> campaigns, string? error, IFormCollection? form) =>
        PageResult.Of<CampaignList, CampaignListModel>(new CampaignListModel(campaigns, http.User.IsInRole(Roles.ComplianceOwner), error, form),
            error is null ? 200 : 400);

    private static IResult Dashboard(HttpContext http, Campaign campaign, CampaignDashboard d, TimeProvider clock, string? notice,
        ReevaluationChoices? reevaluation = null)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var launched = campaign.LaunchedAt is { } l ? DateOnly.FromDateTime(l.UtcDateTime) : (DateOnly?)null;
        return PageResult.Of<CampaignDashboardView, CampaignDashboardModel>(new CampaignDashboardModel(campaign, d,
            ResponseChart.Of(d.ResponsesByDay, d.Cases, launched, today),
            http.User.IsInRole(Roles.ComplianceOwner) && campaign.LaunchedAt is null, notice is null ? null : Notice.Info(notice), reevaluation));
    }
}
