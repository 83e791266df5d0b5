using Workflow.Cmrt.Evaluation;

namespace Workflow.Rules.Simulation;

/// <summary>
/// What the draft policy would change for one case. Findings are matched by code and location, so a finding whose
/// wording changed is not reported as a change.
/// </summary>
public sealed record CaseChange
{
    public required string CaseId { get; init; }
    public required Outcome OutcomeBefore { get; init; }
    public required Outcome OutcomeAfter { get; init; }
    public string? DeterminationBefore { get; init; }
    public string? DeterminationAfter { get; init; }
    public IReadOnlyList<Finding> Added { get; init; } = [];
    public IReadOnlyList<Finding> Removed { get; init; } = [];
    public IReadOnlyList<FindingChange> SeverityChanged { get; init; } = [];
    public IReadOnlyList<string> DecisionsAdded { get; init; } = [];
    public IReadOnlyList<string> DecisionsRemoved { get; init; } = [];
    /// <summary>One line per change, for a compliance owner reading the report.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    public bool OutcomeChanged => OutcomeBefore != OutcomeAfter;
    public bool DeterminationChanged => DeterminationBefore != DeterminationAfter;
}
