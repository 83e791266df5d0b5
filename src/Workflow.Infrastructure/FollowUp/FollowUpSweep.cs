using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Workflow.Domain.Cases;

namespace Workflow.Infrastructure.FollowUp;

/// <summary>
/// Fires every overdue timer that no scheduled job fired: after a restart, a lost schedule, or a campaign launch
/// (which sets one due time for all its cases instead of scheduling a job per case).
/// </summary>
/// <remarks>
/// One sweep at a time across all instances (a session advisory lock); even without it a case cannot be fired twice,
/// because every firing carries the version it read.
/// </remarks>
public sealed class FollowUpSweep(NpgsqlDataSource db, FollowUpRunner runner, TimeProvider clock, IOptions<FollowUpOptions> options,
    ILogger<FollowUpSweep> logger)
{
    private const long LockKey = 0x3713_F011_0;
    private const int Batch = 1000;

    private static readonly string[] WaitingStages = Enum.GetValues<CaseStage>().Where(s => s.IsWaiting()).Select(s => s.ToString()).ToArray();

    /// <summary>Returns how many timers it fired; 0 when another instance is sweeping.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var lockConnection = await db.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand($"select pg_try_advisory_lock({LockKey})", lockConnection))
            if (await take.ExecuteScalarAsync(ct) is not true) return 0;
        try
        {
            return await SweepAsync(ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"select pg_advisory_unlock({LockKey})", lockConnection);
            await release.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    private async Task<int> SweepAsync(CancellationToken ct)
    {
        var fired = 0;
        var skipped = new HashSet<Guid>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.SweepParallelism), CancellationToken = ct };
        while (!ct.IsCancellationRequested)
        {
            var due = await DueAsync(skipped, ct);
            if (due.Count == 0) break;
            await Parallel.ForEachAsync(due, parallel, async (c, token) =>
            {
                TimerOutcome outcome;
                try { outcome = await runner.FireIfDueAsync(c.Id, c.Version, token); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Follow-up timer of case {Case} failed; the next sweep retries it", c.Id);
                    outcome = TimerOutcome.NothingDue;
                }
                if (outcome.Kind == TimerOutcomeKind.Fired) Interlocked.Increment(ref fired);
                // Anything not fired here (a failure, or a case that moved on meanwhile) is left to the next sweep.
                else lock (skipped) skipped.Add(c.Id);
            });
        }
        if (fired > 0) logger.LogInformation("Follow-up sweep fired {Count} overdue timers", fired);
        return fired;
    }

    private async Task<List<(Guid Id, int Version)>> DueAsync(HashSet<Guid> skipped, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select id, version from workflow.cases
             where due_at <= @now and stage = any(@stages) and not (id = any(@skipped))
             order by due_at, id
             limit @batch
            """);
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        cmd.Parameters.AddWithValue("stages", WaitingStages);
        cmd.Parameters.AddWithValue("skipped", skipped.ToArray());
        cmd.Parameters.AddWithValue("batch", Batch);
        var list = new List<(Guid, int)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add((r.GetGuid(0), r.GetInt32(1)));
        return list;
    }
}
