namespace Workflow.Domain.Cases;

/// <summary>Everything that can move a supplier case. Names are stored in the audit trail: do not rename.</summary>
public enum CaseTrigger
{
    CmrtAccepted,
    RejectedAsInvalid,
    Corrected,
    RedFlagFound,
    ReminderDue,
    SecondRequestDue,
    EscalatedToManagement,
    ExtensionGranted,
    RiskAccepted,
    TerminationRecommended,
    TerminationApproved,
}
