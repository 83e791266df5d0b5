using System.Text.Json.Serialization;

namespace Workflow.Application.YearOverYear;

/// <summary>
/// A supplier's CMRT this year against its valid CMRT in the previous campaign. When there is nothing to compare
/// (no earlier case, or no valid CMRT on one side) the lists are empty, <see cref="Compared"/> is false and
/// <see cref="Note"/> says what is missing.
/// </summary>
public sealed record CaseYearOverYear
{
    public required Guid CaseId { get; init; }
    /// <summary>Written as null too (the API leaves other nulls out): "no previous case" is an answer.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Guid? PreviousCaseId { get; init; }
    public string? PreviousCaseReference { get; init; }
    public Guid? PreviousCampaignId { get; init; }
    public string? PreviousCampaignName { get; init; }
    /// <summary>Template versions of the two CMRTs compared ("6.31", "6.5").</summary>
    public string? PreviousVersion { get; init; }
    public string? CurrentVersion { get; init; }
    public bool Compared { get; init; }
    public IReadOnlyList<SmelterChange> SmeltersAdded { get; init; } = [];
    public IReadOnlyList<SmelterChange> SmeltersRemoved { get; init; } = [];
    public IReadOnlyList<AnswerChange> AnswersChanged { get; init; } = [];
    public ScopeChange? ScopeChanged { get; init; }
    public string? Note { get; init; }
}
