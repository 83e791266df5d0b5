using Workflow.Api.Security;
using Workflow.Application.Grievances;
using Workflow.Infrastructure.Email.Inbound;
using Workflow.Infrastructure.Jobs;

namespace Workflow.Api.Grievances;

/// <summary>
/// The grievance mechanism's quarterly report (JSON and the CSV of the quarter's concerns, for investigators and
/// compliance owners), the job that mails it to the officers, and the intake of the grievance mailbox.
/// </summary>
public static class QuarterlyReportApi
{
    private const string CsvType = "text/csv; charset=utf-8";

    public static IServiceCollection AddGrievanceReports(this IServiceCollection services)
    {
        services.AddSingleton<QuarterlyReportQuery>();
        services.AddSingleton<QuarterlyReportMail>();
        services.AddTransient<ConcernQuarterlyReportJob>();
        services.AddOptions<GrievanceMailboxOptions>().BindConfiguration(GrievanceMailboxOptions.Section);
        services.AddSingleton<GrievanceMailboxIntake>();
        services.AddTransient<GrievanceMailboxJob>();
        return services;
    }

    /// <summary>Mapped before nothing else matters: "report" is no guid, so /api/concerns/{id:guid} never takes it.</summary>
    public static void MapConcernReports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/concerns").WithTags("Concerns").RequireAuthorization(AccessPolicies.Concerns);

        // ?quarter=2027-Q1; without it the last complete quarter.
        api.MapGet("/report", async (string? quarter, QuarterlyReportQuery reports, TimeProvider clock, CancellationToken ct) =>
            QuarterOf(quarter, clock) is { } q ? Results.Ok(await reports.BuildAsync(q, ct)) : Invalid(quarter));

        api.MapGet("/report.csv", async (string? quarter, QuarterlyReportQuery reports, TimeProvider clock, CancellationToken ct) =>
            QuarterOf(quarter, clock) is { } q
                ? Results.File(QuarterlyReportText.CsvOf(await reports.BuildAsync(q, ct)), CsvType, $"concerns-{q}.csv")
                : Invalid(quarter));
    }

    /// <summary>The quarter asked for, the last complete one when none was, or null when the text is no quarter.</summary>
    public static ReportQuarter? QuarterOf(string? text, TimeProvider clock) =>
        string.IsNullOrWhiteSpace(text) ? ReportQuarter.LastComplete(clock.GetUtcNow())
        : ReportQuarter.TryParse(text, out var q) ? q : null;

    private static IResult Invalid(string? quarter) => Results.ValidationProblem(
        new Dictionary<string, string[]> { ["quarter"] = [$"'{quarter}': {ReportQuarter.FormatHint}."] },
        detail: ReportQuarter.FormatHint, title: "Invalid quarter");
}
