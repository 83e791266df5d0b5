namespace Workflow.Rules.Facts;

/// <summary>The instant a timing decision is taken for. Rules read this, never the clock.</summary>
public sealed record DecisionTime(DateTimeOffset At)
{
    public bool HasPassed(DateTimeOffset? deadline) => deadline is { } d && At >= d;
}
