using Npgsql;
using Workflow.Application.Email;

namespace Workflow.Application.Grievances;

/// <summary>
/// Puts the quarterly report for the officers into the outbox. The outbox keeps one message per kind and occurrence (the
/// quarter), so however often and on however many instances this runs, a quarter's report is sent once.
/// </summary>
public sealed class QuarterlyReportMail(NpgsqlDataSource db, QuarterlyReportQuery reports, TimeProvider clock)
{
    /// <summary>Enqueues the report of <paramref name="quarter"/>; false when it was enqueued before.</summary>
    public async Task<bool> EnqueueAsync(ReportQuarter quarter, CancellationToken ct)
    {
        var report = await reports.BuildAsync(quarter, ct);
        await using var conn = await db.OpenConnectionAsync(ct);
        // The template's {{report}}: the figures as plain text (the renderer takes string and number values only).
        return await OutboxStore.EnqueueAsync(conn, null, ConcernMessages.Quarterly, report.Quarter,
            new { quarter = report.Quarter, report = string.Join("\n", QuarterlyReportText.Lines(report)), received = report.Received },
            clock.GetUtcNow(), ct);
    }
}
