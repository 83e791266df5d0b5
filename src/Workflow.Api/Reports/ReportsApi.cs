using Workflow.Api.Security;
using Workflow.Infrastructure.Reports;

namespace Workflow.Api.Reports;

public static class ReportsApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string CsvType = "text/csv; charset=utf-8";

    public static IServiceCollection AddWorkflowReports(this IServiceCollection services)
    {
        services.AddSingleton<ReportSource>();
        services.AddSingleton<CampaignReportService>();
        return services;
    }

    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{id:guid}").RequireAuthorization(Policies.Read).WithTags("Reports");

        api.MapGet("/report", async (Guid id, CampaignReportService reports, CancellationToken ct) =>
            (await reports.BuildAsync(id, ct)).Report);

        api.MapGet("/report.csv", async (Guid id, CampaignReportService reports, CancellationToken ct) =>
            Results.File(ReportExports.ReportCsv((await reports.BuildAsync(id, ct)).Report), CsvType, $"campaign-report-{id}.csv"));

        api.MapGet("/report.xlsx", async (Guid id, CampaignReportService reports, CancellationToken ct) =>
        {
            var (report, appendix) = await reports.BuildAsync(id, ct);
            return Results.File(ReportExports.ReportXlsx(report, appendix), Xlsx, $"campaign-report-{id}.xlsx");
        });

        api.MapGet("/appendix-a.csv", async (Guid id, CampaignReportService reports, CancellationToken ct) =>
            Results.File(ReportExports.AppendixCsv(await reports.AppendixAAsync(id, ct)), CsvType, $"appendix-a-{id}.csv"));

        api.MapGet("/appendix-a.xlsx", async (Guid id, CampaignReportService reports, CancellationToken ct) =>
            Results.File(ReportExports.AppendixXlsx(await reports.AppendixAAsync(id, ct)), Xlsx, $"appendix-a-{id}.xlsx"));

        // The page shares the API's read policy, so whichever scheme authenticates the user (API key now, cookies later) works.
        app.MapGet("/campaigns/{id:guid}/report", async (Guid id, CampaignReportService reports, CancellationToken ct) =>
        {
            var (report, appendix) = await reports.BuildAsync(id, ct);
            return Results.Content(ReportPage.Render(report, appendix), "text/html; charset=utf-8");
        }).RequireAuthorization(Policies.Read).ExcludeFromDescription();
    }
}
