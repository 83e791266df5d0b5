namespace Workflow.Infrastructure.Email;

/// <summary>Outbox message kinds; each names its templates (workflows/templates/&lt;kind&gt;.&lt;lang&gt;.txt). Stored: do not rename.</summary>
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

    public static IReadOnlyList<string> All { get; } =
        [Survey, Reminder, SecondRequest, CorrectionRequest, CorrectionReminder, Escalation, TerminationRecommended, DailyDigest];

    /// <summary>Kinds that go to management rather than to the supplier.</summary>
    public static bool ToManagement(string kind) => kind is Escalation or TerminationRecommended or DailyDigest;

    /// <summary>Kinds that carry the supplier's upload link.</summary>
    public static bool CarriesUploadLink(string kind) => kind is Survey or Reminder or SecondRequest or CorrectionRequest or CorrectionReminder;
}
