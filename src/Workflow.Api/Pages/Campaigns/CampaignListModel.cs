using Workflow.Application.Campaigns;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>The campaigns, and the create form (for owners) with what was typed and what is wrong with it.</summary>
public sealed record CampaignListModel(IReadOnlyList<Campaign> Campaigns, bool CanCreate, string? Error, IFormCollection? Form);
