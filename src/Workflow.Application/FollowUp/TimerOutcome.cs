namespace Workflow.Application.FollowUp;

/// <summary>What a timer run did; <see cref="NotYetDue"/> carries when to look again.</summary>
public sealed record TimerOutcome(TimerOutcomeKind Kind, DateTimeOffset? DueAt = null)
{
    public static TimerOutcome Fired { get; } = new(TimerOutcomeKind.Fired);
    public static TimerOutcome Stale { get; } = new(TimerOutcomeKind.Stale);
    public static TimerOutcome NothingDue { get; } = new(TimerOutcomeKind.NothingDue);
    public static TimerOutcome NotYetDue(DateTimeOffset dueAt) => new(TimerOutcomeKind.NotYetDue, dueAt);
}
