namespace Workflow.Domain.Cases;

/// <summary>
/// Where exactly a case stands: one of the six visible states (<see cref="CaseState"/>) or a sub-state that carries a
/// reminder level. The name is what the database and the audit trail store.
/// </summary>
/// <remarks>
/// A value rather than an enum: the stages are declared once, as data, by the supplier case machine
/// (<c>workflows/Workflow.StateMachines/CaseMachine.cs</c>), which also says what each one means (visible state, timer,
/// message). The members below are the stages that machine declares, for readable call sites; a stage added to the
/// machine needs no member here.
/// </remarks>
public readonly record struct CaseStage
{
    public CaseStage(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    public override string ToString() => Name;

    /// <summary>Before launch: the case is being opened and has not been surveyed yet. Never stored.</summary>
    public static readonly CaseStage NotLaunched = new(nameof(NotLaunched));
    public static readonly CaseStage Surveyed = new(nameof(Surveyed));
    public static readonly CaseStage AwaitingResponse = new(nameof(AwaitingResponse));
    public static readonly CaseStage Reminded = new(nameof(Reminded));
    public static readonly CaseStage SecondRequestSent = new(nameof(SecondRequestSent));
    public static readonly CaseStage Responded = new(nameof(Responded));
    public static readonly CaseStage Invalid = new(nameof(Invalid));
    public static readonly CaseStage AwaitingCorrection = new(nameof(AwaitingCorrection));
    public static readonly CaseStage CorrectionReminded = new(nameof(CorrectionReminded));
    public static readonly CaseStage Corrected = new(nameof(Corrected));
    /// <summary>A company-level CMRT named smelters of concern: the supplier is asked for a product-level CMRT first.</summary>
    public static readonly CaseStage ProductLevelRequested = new(nameof(ProductLevelRequested));
    public static readonly CaseStage AwaitingProductLevelCmrt = new(nameof(AwaitingProductLevelCmrt));
    public static readonly CaseStage ProductLevelReminded = new(nameof(ProductLevelReminded));
    public static readonly CaseStage Escalated = new(nameof(Escalated));
    public static readonly CaseStage EscalationOpen = new(nameof(EscalationOpen));
    public static readonly CaseStage TerminationRecommended = new(nameof(TerminationRecommended));
    public static readonly CaseStage Terminated = new(nameof(Terminated));
}
