using Npgsql;

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
        var now = clock.GetUtcNow();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var exists = new NpgsqlCommand(
            "select 1 from workflow.outbox where case_id is null and kind = @kind and occurrence = @occurrence", conn, tx))
        {
            exists.Parameters.AddWithValue("kind", ConcernMessages.Quarterly);
            exists.Parameters.AddWithValue("occurrence", report.Quarter);
            if (await exists.ExecuteScalarAsync(ct) is not null) return false;
        }
        // The template's {{report}}: the figures as plain text (the renderer takes string values only).
        await ConcernStore.EnqueueAsync(conn, tx, ConcernMessages.Quarterly, report.Quarter,
            new { quarter = report.Quarter, report = string.Join("\n", QuarterlyReportText.Lines(report)), received = report.Received }, now, ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
