using Hangfire;
using Workflow.Application.FollowUp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Workflow.Infrastructure.Jobs;

/// <summary>The recurring catch-up for timers no job fired (restarts, launches, lost schedules).</summary>
public sealed class FollowUpSweepJob(FollowUpSweep sweep)
{
    // The next run comes within a minute; retrying a failed sweep would only pile up behind it.
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Follow-up sweep")]
    public Task<int> RunAsync(CancellationToken ct) => sweep.RunAsync(ct);
}
