using Workflow.Application.Campaigns;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>A campaign's audit trail, newest first, in words.</summary>
public sealed record CampaignAuditModel(Campaign Campaign, IReadOnlyList<CampaignAuditLine> Lines);
