using Workflow.Domain.Cases;

namespace Workflow.Infrastructure.FollowUp;

/// <summary>What a waiting stage's timer fires when it runs out, and the words the audit trail gets for it.</summary>
public sealed record FollowUpTimer(CaseTrigger Trigger, string Reason)
{
    public static FollowUpTimer? For(CaseStage stage, FollowUpDefinition d) => stage switch
    {
        CaseStage.AwaitingResponse => new(CaseTrigger.ReminderDue, $"no CMRT received within {Days(d.ReminderAfter, d)} of the survey"),
        CaseStage.Reminded => new(CaseTrigger.SecondRequestDue, $"no CMRT received within {Days(d.SecondRequestAfter, d)} of the reminder"),
        CaseStage.SecondRequestSent => new(CaseTrigger.EscalatedToManagement, $"no response within {Days(d.EscalationAfter, d)} of the second request"),
        CaseStage.AwaitingCorrection => new(CaseTrigger.ReminderDue, $"no corrected CMRT within {Days(d.CorrectionReminderAfter, d)} of the correction request"),
        CaseStage.CorrectionReminded => new(CaseTrigger.EscalatedToManagement, $"correction window of {Days(d.CorrectionWindow, d)} closed without a valid CMRT"),
        CaseStage.EscalationOpen => new(CaseTrigger.TerminationRecommended, $"escalation unresolved for {Days(d.TerminationRecommendationAfter, d)}"),
        _ => null,
    };

    /// <summary>When the timer of <paramref name="stage"/> runs out, counted from entering it.</summary>
    public static TimeSpan? Duration(CaseStage stage, FollowUpDefinition d) => stage switch
    {
        CaseStage.AwaitingResponse => d.ReminderAfter,
        CaseStage.Reminded => d.SecondRequestAfter,
        CaseStage.SecondRequestSent => d.EscalationAfter,
        CaseStage.AwaitingCorrection => d.CorrectionReminderAfter,
        // The reminder does not extend the window: what is left of it after the reminder.
        CaseStage.CorrectionReminded => d.CorrectionWindow - d.CorrectionReminderAfter,
        CaseStage.EscalationOpen => d.TerminationRecommendationAfter,
        _ => null,
    };

    // Audit entries speak in the definition's days, not in the scaled-down demo time.
    private static string Days(TimeSpan scaled, FollowUpDefinition d)
    {
        var real = scaled * d.TimeScale;
        return real.TotalDays >= 1 ? $"{real.TotalDays:0.##} days" : $"{real.TotalHours:0.##} hours";
    }
}
