using Hangfire;
using Workflow.Infrastructure.FollowUp;

namespace Workflow.Api.FollowUp;

/// <summary>
/// A case's follow-up timer: takes only the case id and the version it was set for, so a case that moved on since
/// (answered, decided, fired elsewhere) makes it a no-op.
/// </summary>
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
            var delay = due - clock.GetUtcNow();
            jobs.Schedule<FollowUpTimerJob>(j => j.RunAsync(caseId, expectedVersion, CancellationToken.None), delay);
            logger.LogDebug("Case {Case} is not due until {Due}; timer rescheduled", caseId, due);
        }
    }
}
