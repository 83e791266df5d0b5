namespace Workflow.Application.Filings;

/// <summary>A frozen filing's record: who froze what, when and why, and the seal over its parts.</summary>
public sealed record FrozenFiling(
    Guid Id,
    Guid CampaignId,
    DateOnly AsOf,
    DateTimeOffset FrozenAt,
    string FrozenBy,
    string Reason,
    string Sha256,
    bool HasRollupCmrt,
    string? RollupMissingReason,
    IReadOnlyList<string> PolicyVersions,
    IReadOnlyList<string> ReferenceListVersions);
