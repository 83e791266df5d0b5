namespace Workflow.Infrastructure.Campaigns;

/// <summary>
/// Told after a launch committed: the opened cases share one first due time, so one wake-up (not one timer per case)
/// covers them all. Must tolerate being skipped: the recurring sweep catches up.
/// </summary>
public interface ICampaignLaunchListener
{
    Task OnLaunchedAsync(Guid campaignId, int casesOpened, DateTimeOffset firstDueAt, CancellationToken ct);
}
