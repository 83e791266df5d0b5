using System.Globalization;
using Workflow.Api.Pages.Layout;
using Workflow.Api.Security;
using Workflow.Application.Filings;
using Workflow.Application.Reports;
using Workflow.Application.Retention;
using Workflow.Domain.Security;
using Workflow.Application.Reports.Rollup;
using Workflow.Application.YearOverYear;

namespace Workflow.Api.Reports;

public static class ReportsApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string CsvType = "text/csv; charset=utf-8";

    public static IServiceCollection AddWorkflowReports(this IServiceCollection services)
    {
        services.AddSingleton<ReportSource>();
        services.AddSingleton<CampaignReportService>();
        services.AddSingleton<global::Workflow.Application.Grievances.GrievanceYearQuery>();
        services.AddSingleton<CampaignYearOverYearService>();
        services.AddSingleton<CaseYearOverYearQuery>();
        services.AddOptions<CompanyOptions>().BindConfiguration(CompanyOptions.Section);
        services.AddOptions<RollupOptions>().BindConfiguration(RollupOptions.Section);
        services.AddSingleton<RollupOverrideStore>();
        services.AddSingleton<RollupCmrtService>();
        return services;
    }

    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{id:guid}").RequireAuthorization(AccessPolicies.Read).WithTags("Reports");

        // ?asOf=YYYY-MM-DD counts only what was received and decided through that day (a filing's "effort through" date).
        api.MapGet("/report", async (Guid id, DateOnly? asOf, CampaignReportService reports, CancellationToken ct) =>
            (await reports.BuildAllAsync(id, asOf, ct)).Report);

        api.MapGet("/report.csv", async (Guid id, DateOnly? asOf, CampaignReportService reports, CancellationToken ct) =>
            Results.File(ReportExports.ReportCsv((await reports.BuildAllAsync(id, asOf, ct)).Report), CsvType, $"campaign-report-{id}{Suffix(asOf)}.csv"));

        api.MapGet("/report.xlsx", async (Guid id, DateOnly? asOf, CampaignReportService reports, CancellationToken ct) =>
        {
            var (report, appendix, unrecognised) = await reports.BuildAllAsync(id, asOf, ct);
            return Results.File(ReportExports.ReportXlsx(report, appendix, unrecognised), Xlsx, $"campaign-report-{id}{Suffix(asOf)}.xlsx");
        });

        api.MapGet("/appendix-a.csv", async (Guid id, DateOnly? asOf, CampaignReportService reports, CancellationToken ct) =>
            Results.File(ReportExports.AppendixCsv(await reports.AppendixAAsync(id, asOf, ct)), CsvType, $"appendix-a-{id}{Suffix(asOf)}.csv"));

        api.MapGet("/appendix-a.xlsx", async (Guid id, DateOnly? asOf, CampaignReportService reports, CancellationToken ct) =>
            Results.File(ReportExports.AppendixXlsx(await reports.AppendixAAsync(id, asOf, ct)), Xlsx, $"appendix-a-{id}{Suffix(asOf)}.xlsx"));

        api.MapGet("/unrecognised-smelters.csv", async (Guid id, DateOnly? asOf, CampaignReportService reports, CancellationToken ct) =>
            Results.File(ReportExports.UnrecognisedCsv(await reports.UnrecognisedAsync(id, asOf, ct)), CsvType, $"unrecognised-smelters-{id}{Suffix(asOf)}.csv"));

        api.MapGet("/rollup-cmrt.xlsx", async (Guid id, RollupCmrtService rollup, HttpContext http, CancellationToken ct) =>
        {
            try
            {
                var file = await rollup.BuildAsync(id, ct);
                // What the project's own reader and checker say about the file, so a rejected file is noticed before it is sent.
                http.Response.Headers["X-Cmrt-Readback"] = file.ReadBackOutcome;
                return Results.File(file.Content, Xlsx, file.FileName);
            }
            catch (CompanyDetailsMissingException e)
            {
                return Results.Problem(statusCode: 409, title: "Company details missing", detail: e.Message,
                    extensions: new Dictionary<string, object?> { ["missing"] = e.Missing });
            }
            catch (Workflow.Cmrt.Writing.CmrtTemplateException e)
            {
                return Results.Problem(statusCode: 409, title: "CMRT template unusable", detail: e.Message);
            }
        });

        api.MapGet("/rollup-overrides", async (Guid id, RollupOverrideStore store, CancellationToken ct) =>
        {
            var history = await store.HistoryAsync(id, ct);
            return new { current = history.FirstOrDefault()?.Overrides ?? RollupOverrides.None, history };
        });

        api.MapPut("/rollup-overrides", async (Guid id, RollupOverrides overrides, RollupOverrideStore store, HttpContext http, CancellationToken ct) =>
        {
            var errors = overrides.Validate();
            if (errors.Count > 0) return Results.ValidationProblem(errors);
            return Results.Ok(await store.SaveAsync(id, overrides, http.ActorOf(), ct));
        }).RequireAuthorization(AccessPolicies.Owner);

        // The page shares the API's read policy, so whichever scheme authenticates the user (API key now, cookies later) works.
        // After the page's forms redirect (Post/Redirect/Get), ?frozen={filing} or ?hold=placed|lifted says what was done.
        app.MapGet("/campaigns/{id:guid}/report", async (Guid id, DateOnly? asOf, Guid? frozen, string? hold, HttpContext http, CampaignReportService reports,
            FilingService filings, RetentionPurge retention, CancellationToken ct) =>
        {
            Notice? notice = hold switch
            {
                "placed" => Notice.Info("Legal hold placed: the retention purge leaves this campaign's files and messages alone."),
                "lifted" => Notice.Info("Legal hold lifted."),
                _ => null,
            };
            if (frozen is { } filingId && (await filings.ListAsync(id, ct)).FirstOrDefault(f => f.Id == filingId) is { } filing)
                notice = Notice.Info($"Filing frozen through {filing.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; SHA-256 {filing.Sha256}.");
            return await Page(id, asOf, http, reports, filings, retention, notice, null, ct);
        }).RequireAuthorization(AccessPolicies.Read).ExcludeFromDescription();

        // The page's legal-hold form: place or lift, with the reason the audit trail keeps.
        app.MapPost("/campaigns/{id:guid}/legal-hold", async (Guid id, IFormCollection form, HttpContext http, CampaignReportService reports,
            FilingService filings, RetentionPurge retention, CancellationToken ct) =>
        {
            var onHold = form["onHold"].ToString() == "true";
            var reason = form["reason"].ToString().Trim();
            if (reason.Length == 0)
                return await Page(id, null, http, reports, filings, retention,
                    Notice.Error("Say why the legal hold is placed or lifted; the reason goes into the campaign's audit trail."), null, ct, 400);
            await retention.SetHoldAsync(id, onHold, http.ActorOf(), reason, ct);
            return new SeeOther($"/campaigns/{id}/report?hold={(onHold ? "placed" : "lifted")}");
        }).RequireAuthorization(AccessPolicies.Owner).ExcludeFromDescription();

        // The page's "Freeze filing" form (anti-forgery checked, as every form post).
        app.MapPost("/campaigns/{id:guid}/filings", async (Guid id, IFormCollection form, HttpContext http, CampaignReportService reports,
            FilingService filings, RetentionPurge retention, TimeProvider clock, CancellationToken ct) =>
        {
            DateOnly? asOf = DateOnly.TryParseExact(form["asOf"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            var reason = form["reason"].ToString().Trim();
            var errors = FreezeRequestRules.Validate(asOf, reason, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            if (errors.Count > 0)
                return await Page(id, asOf, http, reports, filings, retention,
                    Notice.Error("The filing was not frozen.", errors.Values.SelectMany(v => v).ToList(), "freeze-errors"), reason, ct, 400);
            var filing = await filings.FreezeAsync(id, asOf!.Value, reason, http.ActorOf(), ct);
            return new SeeOther($"/campaigns/{id}/report?frozen={filing.Id}#filings");
        }).RequireAuthorization(AccessPolicies.Owner).ExcludeFromDescription();
    }

    private static async Task<IResult> Page(Guid id, DateOnly? asOf, HttpContext http, CampaignReportService reports, FilingService filings,
        RetentionPurge retention, Notice? notice, string? reason, CancellationToken ct, int status = 200)
    {
        var (report, appendix, unrecognised) = await reports.BuildAllAsync(id, asOf, ct);
        var model = new ReportModel(report, appendix, unrecognised, await filings.ListAsync(id, ct),
            http.User.IsInRole(Roles.ComplianceOwner), notice, reason) { OnLegalHold = await retention.IsOnHoldAsync(id, ct) };
        return PageResult.Of<ReportView, ReportModel>(model, status);
    }

    private static string Suffix(DateOnly? asOf) => asOf is { } d ? "-as-of-" + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "";
}
