using Microsoft.Extensions.Logging;
using Npgsql;

namespace Workflow.Application.FollowUp;

/// <summary>
/// The safety net: fires every overdue timer that no wake-up fired (after a restart, a lost schedule, a failed batch).
/// </summary>
/// <remarks>
/// One sweep at a time across all instances (a session advisory lock); even without it a case cannot be fired twice,
/// because every batch claims its cases with <c>for update skip locked</c> and writes them with their version.
/// </remarks>
public sealed class FollowUpSweep(NpgsqlDataSource db, FollowUpRunner runner, ILogger<FollowUpSweep> logger)
{
    private const long LockKey = 0x3713_F011_0;

    /// <summary>Returns how many timers it fired; 0 when another instance is sweeping.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var lockConnection = await db.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand($"select pg_try_advisory_lock({LockKey})", lockConnection))
            if (await take.ExecuteScalarAsync(ct) is not true) return 0;
        try
        {
            var fired = await runner.FireAllDueAsync(ct);
            if (fired > 0) logger.LogInformation("Follow-up sweep fired {Count} overdue timers", fired);
            return fired;
        }
        finally
        {
            await using var release = new NpgsqlCommand($"select pg_advisory_unlock({LockKey})", lockConnection);
            await release.ExecuteScalarAsync(CancellationToken.None);
        }
    }
}
