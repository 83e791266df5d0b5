using Hangfire;
using Workflow.Application.Grievances;

namespace Workflow.Infrastructure.Jobs;

/// <summary>One concern's untouched timer: a no-op when the concern moved on since it was set (its version changed).</summary>
public sealed class ConcernTimerJob(ConcernStore store)
{
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Untouched-concern timer of {0} (version {1})")]
    public Task RunAsync(Guid concernId, int expectedVersion, CancellationToken ct) => store.EscalateIfUntouchedAsync(concernId, expectedVersion, ct);
}

/// <summary>Every open concern whose timer is due, in case a per-concern job was lost.</summary>
public sealed class ConcernSweepJob(ConcernStore store)
{
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Untouched-concern sweep")]
    public Task<int> RunAsync(CancellationToken ct) => store.SweepAsync(ct);
}

/// <summary>Sets the untouched-concern timer as a Hangfire job at its due time (taken from the service's clock).</summary>
public sealed class HangfireConcernTimers(IBackgroundJobClient jobs, TimeProvider clock) : IConcernTimers
{
    public void Schedule(Guid concernId, int version, DateTimeOffset dueAt) =>
        jobs.Schedule<ConcernTimerJob>(j => j.RunAsync(concernId, version, CancellationToken.None), HangfireTimerScheduler.Delay(dueAt, clock));
}
