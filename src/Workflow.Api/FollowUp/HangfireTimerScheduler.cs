using Hangfire;
using Workflow.Domain.Cases;
using Workflow.Infrastructure.Campaigns;
using Workflow.Infrastructure.Cases;

namespace Workflow.Api.FollowUp;

/// <summary>
/// Sets the timer of a waiting stage when a case enters it (one delayed job per case and version), and one sweep at the
/// first due time of a launch instead of a job per launched case. Runs after commit; if scheduling fails, the recurring
/// sweep still fires the case when it is due.
/// </summary>
public sealed class HangfireTimerScheduler(IBackgroundJobClient jobs, TimeProvider clock, ILogger<HangfireTimerScheduler> logger)
    : ITransitionListener, ICampaignLaunchListener
{
    public Task OnTransitionedAsync(CaseTransitioned t, CancellationToken ct)
    {
        if (t.DueAt is not { } due || !t.To.IsWaiting()) return Task.CompletedTask;
        try
        {
            jobs.Schedule<FollowUpTimerJob>(j => j.RunAsync(t.CaseId, t.NewVersion, CancellationToken.None), Delay(due));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not schedule the follow-up timer of case {Case}; the sweep will fire it", t.CaseId);
        }
        return Task.CompletedTask;
    }

    public Task OnLaunchedAsync(Guid campaignId, int casesOpened, DateTimeOffset firstDueAt, CancellationToken ct)
    {
        try
        {
            jobs.Schedule<FollowUpSweepJob>(j => j.RunAsync(CancellationToken.None), Delay(firstDueAt));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not schedule the first follow-up of campaign {Campaign}; the recurring sweep will", campaignId);
        }
        return Task.CompletedTask;
    }

    // Hangfire schedules on the machine clock; the delay is taken from the service's clock so both agree on "when".
    private TimeSpan Delay(DateTimeOffset due)
    {
        var delay = due - clock.GetUtcNow();
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
