using Hangfire;
using Workflow.Application.FollowUp;
using Microsoft.Extensions.Logging;

namespace Workflow.Infrastructure.Jobs;

/// <summary>
/// One case's follow-up timer: takes only the case id and the version it was set for, so a case that moved on since
/// (answered, decided, fired elsewhere) makes it a no-op.
/// </summary>
/// <remarks>
/// New timers are woken per bucket (<see cref="FollowUpWakeUpJob"/>); this job stays so that jobs scheduled by earlier
/// versions of the service still run, and for firing one case on purpose.
/// </remarks>
public sealed class FollowUpTimerJob(FollowUpRunner runner, IBackgroundJobClient jobs, TimeProvider clock, ILogger<FollowUpTimerJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Follow-up timer of case {0} (version {1})")]
    public async Task RunAsync(Guid caseId, int expectedVersion, CancellationToken ct)
    {
        var outcome = await runner.FireIfDueAsync(caseId, expectedVersion, ct);
        if (outcome is { Kind: TimerOutcomeKind.NotYetDue, DueAt: { } due })
        {
            // Woken early (clock skew between machines, or a due date moved later): sleep on until it is due.
            jobs.Schedule<FollowUpTimerJob>(j => j.RunAsync(caseId, expectedVersion, CancellationToken.None), HangfireTimerScheduler.Delay(due, clock));
            logger.LogDebug("Case {Case} is not due until {Due}; timer rescheduled", caseId, due);
        }
    }
}
