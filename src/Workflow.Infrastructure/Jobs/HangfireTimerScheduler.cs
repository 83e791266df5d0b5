using Hangfire;
using Workflow.Application.Cases;
using Workflow.Application.FollowUp;
using Workflow.StateMachines;
using Microsoft.Extensions.Logging;

namespace Workflow.Infrastructure.Jobs;

/// <summary>
/// Wakes the timers a committed batch of transitions set: the due times stay on the case rows, and each bucket of due
/// times (<see cref="FollowUpOptions.TimerGranularity"/>) gets one Hangfire job at its earliest due time, whatever the
/// number of cases in it (a launch of 100,000 cases schedules one). Runs after commit; if scheduling fails, the
/// recurring sweep still fires the cases when they are due.
/// </summary>
public sealed class HangfireTimerScheduler(IBackgroundJobClient jobs, FollowUpWakeUps wakeUps, CaseMachine machine, TimeProvider clock,
    ILogger<HangfireTimerScheduler> logger) : ITransitionListener
{
    public async Task OnTransitionedAsync(IReadOnlyList<CaseTransitioned> transitions, CancellationToken ct)
    {
        var due = transitions.Where(t => t.DueAt is not null && machine.Waits(t.To)).Select(t => t.DueAt!.Value).ToList();
        if (due.Count == 0) return;
        try
        {
            foreach (var (bucket, wakeAt) in await wakeUps.RecordAsync(due, ct))
                jobs.Schedule<FollowUpWakeUpJob>(j => j.RunAsync(bucket, CancellationToken.None), Delay(wakeAt, clock));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not schedule the follow-up timers of {Count} cases; the sweep will fire them", due.Count);
        }
    }

    // Hangfire schedules on the machine clock; the delay is taken from the service's clock so both agree on "when".
    internal static TimeSpan Delay(DateTimeOffset due, TimeProvider clock)
    {
        var delay = due - clock.GetUtcNow();
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
