using Workflow.Application.Campaigns;
using Workflow.Application.Queries;

namespace Workflow.Api.Pages.Escalations;

/// <summary>One page of the queue, what the filters offer, and whether the reader may decide.</summary>
public sealed record EscalationQueueModel(EscalationQueuePage Result, IReadOnlyList<Campaign> Campaigns, DateTimeOffset Now, int WindowDays, bool CanDecide)
{
    /// <summary>The filters as a query string, for the pager, the CSV link and the way back after a decision.</summary>
    public string Query => $"?campaign={Result.Filter.CampaignId}&reason={Layout.Format.Url(Result.Filter.Reason)}&age={Result.Filter.MinAgeDays}";
}
