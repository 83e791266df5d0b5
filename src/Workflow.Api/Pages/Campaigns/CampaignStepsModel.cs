using Workflow.Application.Campaigns;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>Where a campaign is on its way (import, review, launch, follow up, report) and what the reader may do next.</summary>
public sealed record CampaignStepsModel(Guid CampaignId, CampaignScope Scope, bool Launched, bool IsOwner)
{
    public bool CanLaunch => IsOwner && !Launched && Scope.NotYetSurveyed > 0;

    /// <summary>In-scope suppliers added (or brought into scope) since launch that have not been sent the request.</summary>
    public int AddedSinceLaunch => Launched ? Scope.NotYetSurveyed : 0;
}
