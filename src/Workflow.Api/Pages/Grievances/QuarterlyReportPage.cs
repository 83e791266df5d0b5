using Workflow.Api.Grievances;
using Workflow.Api.Pages.Layout;
using Workflow.Api.Security;
using Workflow.Application.Grievances;

namespace Workflow.Api.Pages.Grievances;

/// <summary>/grievances/report?quarter=2027-Q1: the quarterly report for investigators and compliance owners, printable.</summary>
public static class QuarterlyReportPage
{
    /// <summary>Quarters the picker offers, counting back from the current one.</summary>
    private const int PickerQuarters = 12;

    /// <summary>Its own group: investigators read concerns and nothing else, so the staff pages' policy does not fit.</summary>
    public static void MapGrievanceReportPage(this IEndpointRouteBuilder app) =>
        app.MapGroup("/grievances").RequireAuthorization(AccessPolicies.Concerns).ExcludeFromDescription()
            .MapGet("/report", async (string? quarter, QuarterlyReportQuery reports, TimeProvider clock, CancellationToken ct) =>
            {
                var now = clock.GetUtcNow();
                var picker = Picker(now);
                if (QuarterlyReportApi.QuarterOf(quarter, clock) is not { } q)
                    return PageResult.Of<QuarterlyReportView, QuarterlyReportModel>(
                        new QuarterlyReportModel(null, quarter ?? "", picker, Notice.Error($"'{quarter}' is no quarter: {ReportQuarter.FormatHint}.")), 400);
                var report = await reports.BuildAsync(q, ct);
                return PageResult.Of<QuarterlyReportView, QuarterlyReportModel>(
                    new QuarterlyReportModel(report, q.ToString(), picker.Contains(q.ToString()) ? picker : [q.ToString(), .. picker], null)
                    {
                        Complete = q.End <= now,
                    });
            });

    private static List<string> Picker(DateTimeOffset now)
    {
        var list = new List<string>();
        var q = ReportQuarter.Containing(now);
        for (var i = 0; i < PickerQuarters; i++, q = q.Previous) list.Add(q.ToString());
        return list;
    }
}

/// <summary>The report of one quarter (null when the quarter asked for was no quarter) and the quarters to pick from, newest first.</summary>
public sealed record QuarterlyReportModel(QuarterlyReport? Report, string Quarter, IReadOnlyList<string> Quarters, Notice? Notice)
{
    /// <summary>False while the quarter is still running: its figures will change.</summary>
    public bool Complete { get; init; } = true;
}
