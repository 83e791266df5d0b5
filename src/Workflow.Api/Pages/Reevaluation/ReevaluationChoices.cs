namespace Workflow.Api.Pages.Reevaluation;

/// <summary>What the "Re-evaluate" form offers: the imported reference lists (newest first) and the active policy versions.</summary>
public sealed record ReevaluationChoices(Guid CampaignId, string PinnedPolicyVersion, IReadOnlyList<string> ReferenceLists, IReadOnlyList<string> PolicyVersions);
