namespace Workflow.Domain.Cases;

/// <summary>
/// Where exactly a case stands: the six visible states plus the sub-states that carry reminder levels.
/// Superstates (Surveyed, Invalid, Escalated) are never occupied themselves; their first leaf is.
/// </summary>
public enum CaseStage
{
    Surveyed,
    AwaitingResponse,
    Reminded,
    SecondRequestSent,
    Responded,
    Invalid,
    AwaitingCorrection,
    CorrectionReminded,
    Corrected,
    Escalated,
    EscalationOpen,
    TerminationRecommended,
    Terminated,
}

public static class CaseStages
{
    public static CaseState ToState(this CaseStage stage) => stage switch
    {
        CaseStage.Surveyed or CaseStage.AwaitingResponse or CaseStage.Reminded or CaseStage.SecondRequestSent => CaseState.Surveyed,
        CaseStage.Responded => CaseState.Responded,
        CaseStage.Invalid or CaseStage.AwaitingCorrection or CaseStage.CorrectionReminded => CaseState.Invalid,
        CaseStage.Corrected => CaseState.Corrected,
        CaseStage.Escalated or CaseStage.EscalationOpen or CaseStage.TerminationRecommended => CaseState.Escalated,
        CaseStage.Terminated => CaseState.Terminated,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>Stages whose entry starts a follow-up clock.</summary>
    public static bool IsWaiting(this CaseStage stage) => stage is CaseStage.AwaitingResponse or CaseStage.Reminded
        or CaseStage.SecondRequestSent or CaseStage.AwaitingCorrection or CaseStage.CorrectionReminded
        or CaseStage.EscalationOpen;
}
