namespace Workflow.Application.Reevaluation;

/// <summary>One case whose current evaluation would differ (or did), with the reasons read from the two evaluations.</summary>
/// <param name="CaseEffect">What the outcome change does to the case: "moves", "stays" (same outcome for the machine,
/// e.g. unreadable → invalid, or only findings changed) or "not moved: …" (a terminated case).</param>
public sealed record ReevaluationChange(
    Guid CaseId,
    string CaseReference,
    string SupplierName,
    string CaseState,
    Guid SubmissionId,
    string OutcomeBefore,
    string OutcomeAfter,
    string? DeterminationBefore,
    string? DeterminationAfter,
    string CaseEffect,
    IReadOnlyList<string> Reasons)
{
    public bool OutcomeChanged => OutcomeBefore != OutcomeAfter;
}
