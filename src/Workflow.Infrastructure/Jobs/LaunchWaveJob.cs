using Hangfire;
using Microsoft.Extensions.Logging;
using Workflow.Application.Campaigns;

namespace Workflow.Infrastructure.Jobs;

/// <summary>A launch wave scheduled for later ("the next 200 by spend on 1 March"); a retry opens no case twice.</summary>
public sealed class LaunchWaveJob(CampaignStore campaigns, ILogger<LaunchWaveJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Scheduled launch wave")]
    public async Task<int> RunAsync(Guid campaignId, LaunchWave wave, string actor, CancellationToken ct)
    {
        var opened = await campaigns.LaunchAsync(campaignId, wave, actor, ct);
        logger.LogInformation("Scheduled {Wave} of campaign {Campaign}: {Opened} cases opened", wave.Describe(), campaignId, opened.Count);
        return opened.Count;
    }
}
