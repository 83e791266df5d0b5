using Workflow.StateMachines;

namespace Workflow.Application.Email;

/// <summary>
/// Outbox message kinds; each names its templates (workflows/templates/&lt;kind&gt;.&lt;lang&gt;.txt). Stored: do not rename.
/// The case machine declares which stage sends which kind and to whom; the daily digest is the one kind of its own.
/// </summary>
public static class MessageKinds
{
    public const string Survey = "survey";
    public const string Reminder = "reminder";
    public const string SecondRequest = "second-request";
    public const string CorrectionRequest = "correction-request";
    public const string CorrectionReminder = "correction-reminder";
    public const string Escalation = "escalation";
    public const string TerminationRecommended = "termination-recommended";
    public const string DailyDigest = "daily-digest";
    /// <summary>To procurement (<c>Notifications:ProcurementRecipients</c>) when management approves a termination.</summary>
    public const string TerminationApproved = "termination-approved";

    /// <summary>Every kind the service sends: the machine's and the digest.</summary>
    public static IEnumerable<string> All(CaseMachine machine) =>
        machine.Messages.Select(m => m.Kind).Append(DailyDigest).Append(TerminationApproved).Concat(Grievances.ConcernMessages.All);

    /// <summary>Kinds that go to management rather than to the supplier.</summary>
    public static bool ToManagement(string kind, CaseMachine machine) =>
        kind is DailyDigest or TerminationApproved || Grievances.ConcernMessages.ToOfficers.Contains(kind) || machine.Messages.Any(m => m.Kind == kind && m.ToManagement);

    /// <summary>Every message to a supplier carries the upload link.</summary>
    public static bool CarriesUploadLink(string kind, CaseMachine machine) => !ToManagement(kind, machine) && !Grievances.ConcernMessages.IsGrievance(kind);
}
