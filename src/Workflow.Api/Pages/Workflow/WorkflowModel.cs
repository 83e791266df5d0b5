using Workflow.Infrastructure.FollowUp;

namespace Workflow.Api.Pages.Workflow;

/// <summary>
/// The diagram drawn from the state machine and the follow-up definition the service loaded at start (the same
/// instance the timers use), so the page cannot disagree with what actually fires.
/// </summary>
public sealed record WorkflowModel(StateDiagram Diagram, FollowUpDefinition FollowUp)
{
    public IReadOnlyList<(string Name, string Meaning, TimeSpan InForce)> Timers =>
    [
        ("reminderAfter", "no CMRT after the survey → reminder", FollowUp.ReminderAfter),
        ("secondRequestAfter", "still nothing after the reminder → second request", FollowUp.SecondRequestAfter),
        ("escalationAfter", "no answer to the second request → escalation to management", FollowUp.EscalationAfter),
        ("correctionReminderAfter", "no corrected CMRT after the correction request → correction reminder", FollowUp.CorrectionReminderAfter),
        ("correctionWindow", "correction window closes → escalation to management", FollowUp.CorrectionWindow),
        ("terminationRecommendationAfter", "escalation unresolved → termination recommended", FollowUp.TerminationRecommendationAfter),
    ];

    public static string Human(TimeSpan t) =>
        t.TotalDays >= 1 && t.Hours == 0 && t.Minutes == 0 ? $"{t.TotalDays:0.##} days" : t.TotalHours >= 1 ? $"{t.TotalHours:0.##} hours" : $"{t.TotalSeconds:0.##} seconds";
}
