using Workflow.Domain.Cases;
using Workflow.Application.Cases;
using Workflow.StateMachines;

namespace Workflow.Application.FollowUp;

/// <summary>
/// The follow-up clock: what the case machine declares for each waiting stage (its timer) with the durations of
/// workflows/follow-up.json.
/// </summary>
public sealed class FollowUpClock(CaseMachine machine, FollowUpDefinition definition) : IFollowUpClock
{
    public FollowUpDefinition Definition => definition;

    public DateTimeOffset? DueAt(CaseStage stage, DateTimeOffset enteredAt) => Duration(stage) is { } after ? enteredAt + after : null;

    /// <summary>How long a case waits in <paramref name="stage"/> from entering it; null when it does not wait.</summary>
    public TimeSpan? Duration(CaseStage stage)
    {
        if (machine[stage].Timer is not { } timer) return null;
        var duration = definition[timer.KeyFor(stage)];
        if (!timer.CountsFromParent) return duration;
        // What is left of the parent's window after the sibling stages whose timers led here.
        var parent = machine[stage].Parent!.Value;
        for (var s = machine[parent].InitialSubStage; s is { } sibling && sibling != stage && machine[sibling].Parent == parent;
             s = machine[sibling].Timer?.GoesTo)
            duration -= Duration(sibling) ?? TimeSpan.Zero;
        return duration;
    }

    /// <summary>The audit trail's "why" for the timer of <paramref name="stage"/>, in the definition's own days.</summary>
    public string ReasonFor(CaseStage stage)
    {
        var timer = machine[stage].Timer ?? throw new InvalidOperationException($"Stage {stage} runs no timer.");
        return timer.Reason.Replace("{duration}", Days(definition[timer.KeyFor(stage)]), StringComparison.Ordinal);
    }

    // Audit entries speak in the definition's days, not in the scaled-down demo time.
    private string Days(TimeSpan scaled)
    {
        var real = scaled * definition.TimeScale;
        return real.TotalDays >= 1 ? $"{real.TotalDays:0.##} days" : $"{real.TotalHours:0.##} hours";
    }
}
