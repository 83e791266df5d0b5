namespace Workflow.Application.Reevaluation;

/// <summary>What a re-evaluation would change, case by case; nothing is written.</summary>
/// <param name="PinnedPolicyVersion">The campaign's pin now; applying with another <paramref name="PolicyVersion"/> re-pins it.</param>
/// <param name="Unreadable">Current submissions with no declaration to evaluate (unreadable files): they stay as they are.</param>
public sealed record ReevaluationSimulation(
    Guid CampaignId,
    string PolicyVersion,
    string PinnedPolicyVersion,
    string ReferenceListVersion,
    DateOnly AsOf,
    int SubmissionsEvaluated,
    int Unreadable,
    IReadOnlyList<ReevaluationChange> Changes)
{
    public int OutcomesChanged => Changes.Count(c => c.OutcomeChanged);
    public int CasesToMove => Changes.Count(c => c.CaseEffect == ReevaluationEffects.Moves);
    public bool Repins => PolicyVersion != PinnedPolicyVersion;
}
