using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Workflow.StateMachines;

namespace Workflow.Application.FollowUp;

/// <summary>
/// Which buckets of due times have a wake-up scheduled. Due times are grouped into buckets of
/// <see cref="FollowUpOptions.TimerGranularity"/>; a bucket needs one wake-up at its earliest due time, and its
/// wake-up asks here for the next due time in the bucket once it fired what was due. So the scheduler's storage grows
/// with the spread of due times, not with the number of cases.
/// </summary>
/// <remarks>
/// A transition committing while its bucket's last wake-up is finishing can miss that wake-up; the recurring sweep
/// fires it then (within <see cref="FollowUpOptions.SweepCron"/>).
/// </remarks>
public sealed class FollowUpWakeUps(NpgsqlDataSource db, CaseMachine machine, TimeProvider clock, IOptions<FollowUpOptions> options)
{
    private readonly string[] _waitingStages = machine.WaitingStages.Select(d => d.Stage.Name).ToArray();

    private TimeSpan Granularity => options.Value.TimerGranularity > TimeSpan.Zero ? options.Value.TimerGranularity : TimeSpan.FromSeconds(1);

    public DateTimeOffset BucketOf(DateTimeOffset due) =>
        new(due.UtcTicks - due.UtcTicks % Granularity.Ticks, TimeSpan.Zero);

    /// <summary>
    /// Records the buckets of <paramref name="dueTimes"/>; returns the (bucket, wake-up time) pairs that need a wake-up
    /// scheduled: a bucket seen for the first time, one that now has an earlier due time, or one whose wake-up is overdue
    /// (its scheduling failed).
    /// </summary>
    public async Task<IReadOnlyList<(DateTimeOffset Bucket, DateTimeOffset WakeAt)>> RecordAsync(IEnumerable<DateTimeOffset> dueTimes, CancellationToken ct)
    {
        var buckets = dueTimes.GroupBy(BucketOf).Select(g => (Bucket: g.Key, WakeAt: g.Min())).ToList();
        if (buckets.Count == 0) return [];
        await using var cmd = db.CreateCommand("""
            insert into workflow.follow_up_wakeups as w (bucket, wake_at)
            select * from unnest(@bucket, @wake)
            on conflict (bucket) do update set wake_at = least(w.wake_at, excluded.wake_at)
             where excluded.wake_at < w.wake_at or w.wake_at < @overdue
            returning bucket, wake_at
            """);
        cmd.Parameters.AddWithValue("bucket", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, buckets.Select(b => b.Bucket).ToArray());
        cmd.Parameters.AddWithValue("wake", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, buckets.Select(b => b.WakeAt).ToArray());
        cmd.Parameters.AddWithValue("overdue", clock.GetUtcNow() - Granularity - TimeSpan.FromMinutes(1));
        var scheduled = new List<(DateTimeOffset, DateTimeOffset)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) scheduled.Add((r.GetFieldValue<DateTimeOffset>(0), r.GetFieldValue<DateTimeOffset>(1)));
        return scheduled;
    }

    /// <summary>
    /// After a wake-up of <paramref name="bucket"/> fired what was due: the next due time in the bucket (the wake-up
    /// goes to sleep until then), or null when none is left (the bucket is forgotten).
    /// </summary>
    public async Task<DateTimeOffset?> NextAsync(DateTimeOffset bucket, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            with next as (
                select min(due_at) as at from workflow.cases
                 where due_at > @now and due_at >= @bucket and due_at < @end and stage = any(@stages)
            ), forgotten as (
                delete from workflow.follow_up_wakeups where bucket = @bucket and (select at from next) is null
            ), moved as (
                update workflow.follow_up_wakeups set wake_at = (select at from next)
                 where bucket = @bucket and (select at from next) is not null
            )
            select at from next
            """);
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        cmd.Parameters.AddWithValue("bucket", bucket);
        cmd.Parameters.AddWithValue("end", bucket + Granularity);
        cmd.Parameters.AddWithValue("stages", _waitingStages);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) && !r.IsDBNull(0) ? r.GetFieldValue<DateTimeOffset>(0) : null;
    }
}
