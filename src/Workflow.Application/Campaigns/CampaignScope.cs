namespace Workflow.Application.Campaigns;

/// <summary>
/// How many suppliers a campaign has, how many of them a launch would survey at all (in scope, active, not merged),
/// and how many of those have no case yet: what the campaign's steps and the launch confirmation show.
/// </summary>
public sealed record CampaignScope(int Suppliers, int InScope, int NotYetSurveyed);
