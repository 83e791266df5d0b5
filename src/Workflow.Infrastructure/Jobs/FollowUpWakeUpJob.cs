using Hangfire;
using Workflow.Application.FollowUp;
using Microsoft.Extensions.Logging;

namespace Workflow.Infrastructure.Jobs;

/// <summary>
/// Fires every follow-up timer due now, in batches claimed with <c>for update skip locked</c> (so wake-ups running at
/// once on several workers or instances split the cases), then sleeps until the next due time of its bucket.
/// Takes only the bucket: a wake-up that finds nothing due is a no-op.
/// </summary>
public sealed class FollowUpWakeUpJob(FollowUpRunner runner, FollowUpWakeUps wakeUps, IBackgroundJobClient jobs, TimeProvider clock,
    ILogger<FollowUpWakeUpJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Follow-up timers due in the bucket of {0}")]
    public async Task<int> RunAsync(DateTimeOffset bucket, CancellationToken ct)
    {
        var fired = await runner.FireAllDueAsync(ct);
        if (await wakeUps.NextAsync(bucket, ct) is { } next)
        {
            // Woken before the rest of its bucket is due (or before the service's clock says so): sleep until then.
            jobs.Schedule<FollowUpWakeUpJob>(j => j.RunAsync(bucket, CancellationToken.None), HangfireTimerScheduler.Delay(next, clock));
            logger.LogDebug("Bucket {Bucket}: next timer due at {Next}", bucket, next);
        }
        return fired;
    }
}
