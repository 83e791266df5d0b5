using Hangfire;
using Microsoft.Extensions.Logging;
using Workflow.Application.Retention;

namespace Workflow.Infrastructure.Jobs;

/// <summary>The daily retention purge; what it removed is in each campaign's audit trail and in the job's log.</summary>
public sealed class RetentionPurgeJob(RetentionPurge purge, ILogger<RetentionPurgeJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [JobDisplayName("Daily retention purge")]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var purged = await purge.RunAsync(ct);
        foreach (var p in purged)
            logger.LogInformation("Retention purge: campaign {Campaign} ({Name}, period ended {PeriodEnd}): {Files} files and {Messages} message bodies removed",
                p.CampaignId, p.Name, p.PeriodEnd, p.Files, p.Messages);
        return purged.Count;
    }
}
