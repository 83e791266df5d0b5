using Hangfire;
using Workflow.Application.Reevaluation;

namespace Workflow.Infrastructure.Jobs;

/// <summary>An applied re-evaluation, run in the background; its progress is in workflow.reevaluation_runs.</summary>
public sealed class ReevaluateCampaignJob(ReevaluationRunner runner)
{
    // A retry skips what the run already stored, so retrying is safe; one run at a time keeps two runs of one campaign
    // from moving the same cases at once.
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    [JobDisplayName("Re-evaluation {0}")]
    public Task RunAsync(Guid runId, CancellationToken ct) => runner.RunAsync(runId, ct);
}

/// <summary>Queues applied re-evaluations as Hangfire jobs.</summary>
public sealed class HangfireReevaluationQueue(IBackgroundJobClient jobs) : IReevaluationQueue
{
    public void Enqueue(Guid runId) => jobs.Enqueue<ReevaluateCampaignJob>(j => j.RunAsync(runId, CancellationToken.None));
}
