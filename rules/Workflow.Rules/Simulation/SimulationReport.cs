using Workflow.Cmrt.Evaluation;

namespace Workflow.Rules.Simulation;

/// <summary>The result of evaluating a draft policy against the active one over a set of cases.</summary>
public sealed record SimulationReport
{
    public required string ActivePolicyVersion { get; init; }
    public required string DraftPolicyVersion { get; init; }
    public required string ReferenceListVersion { get; init; }
    public required DateOnly AsOf { get; init; }
    public required int CasesEvaluated { get; init; }
    /// <summary>Only the cases where something differs, in input order.</summary>
    public required IReadOnlyList<CaseChange> Changes { get; init; }
    public required IReadOnlyDictionary<Outcome, int> OutcomesBefore { get; init; }
    public required IReadOnlyDictionary<Outcome, int> OutcomesAfter { get; init; }

    public int OutcomesChanged => Changes.Count(c => c.OutcomeChanged);
}
