namespace Workflow.Domain.Cases;

/// <summary>
/// Something that moves a supplier case. Names are stored in the audit trail: do not rename.
/// </summary>
/// <remarks>
/// A value rather than an enum for the same reason as <see cref="CaseStage"/>: a stage added to the case machine may
/// bring the trigger its timer fires. Callers do not pick triggers; they state an intention to the machine
/// (<c>CaseIntention</c>), which picks the trigger.
/// </remarks>
public readonly record struct CaseTrigger
{
    public CaseTrigger(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    public override string ToString() => Name;

    public static readonly CaseTrigger Launched = new(nameof(Launched));
    public static readonly CaseTrigger CmrtAccepted = new(nameof(CmrtAccepted));
    public static readonly CaseTrigger RejectedAsInvalid = new(nameof(RejectedAsInvalid));
    public static readonly CaseTrigger Corrected = new(nameof(Corrected));
    public static readonly CaseTrigger RedFlagFound = new(nameof(RedFlagFound));
    public static readonly CaseTrigger ProductLevelCmrtRequested = new(nameof(ProductLevelCmrtRequested));
    public static readonly CaseTrigger ReminderDue = new(nameof(ReminderDue));
    public static readonly CaseTrigger SecondRequestDue = new(nameof(SecondRequestDue));
    public static readonly CaseTrigger EscalatedToManagement = new(nameof(EscalatedToManagement));
    public static readonly CaseTrigger ExtensionGranted = new(nameof(ExtensionGranted));
    public static readonly CaseTrigger RiskAccepted = new(nameof(RiskAccepted));
    public static readonly CaseTrigger TerminationRecommended = new(nameof(TerminationRecommended));
    public static readonly CaseTrigger TerminationApproved = new(nameof(TerminationApproved));
}
