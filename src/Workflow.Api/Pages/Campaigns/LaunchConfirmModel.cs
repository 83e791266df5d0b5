using Workflow.Application.Campaigns;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>The question asked before a launch: who will get the CMRT request.</summary>
public sealed record LaunchConfirmModel(Campaign Campaign, CampaignScope Scope);
