using Hangfire;
using Workflow.Application.FollowUp;

namespace Workflow.Infrastructure.Jobs;

/// <summary>The recurring catch-up for timers no job fired (restarts, launches, lost schedules).</summary>
public sealed class FollowUpSweepJob(FollowUpSweep sweep)
{
    // The next run comes within a minute; retrying a failed sweep would only pile up behind it.
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Follow-up sweep")]
    public Task<int> RunAsync(CancellationToken ct) => sweep.RunAsync(ct);
}
