using Workflow.Domain.Cases;

namespace Workflow.StateMachines;

/// <summary>
/// The follow-up timer of a waiting stage: how long it runs is data in workflows/follow-up.json under
/// <see cref="KeyFor"/>; when it runs out the case fires <paramref name="Fires"/>.
/// </summary>
/// <param name="Fires">The trigger recorded in the audit trail when the timer runs out.</param>
/// <param name="Reason">The audit trail's "why"; <c>{duration}</c> becomes the duration of the definition (in days).</param>
public sealed record StageTimer(CaseTrigger Fires, string Reason)
{
    /// <summary>Where the timer leads; null when a superstate already permits <see cref="Fires"/>.</summary>
    public CaseStage? GoesTo { get; init; }

    /// <summary>The duration's key in follow-up.json; null = the stage's own name.</summary>
    public string? Key { get; init; }

    /// <summary>
    /// Counted from entering the parent rather than this stage: the duration under <see cref="Key"/> is a window over the
    /// whole superstate, and this stage waits for what is left of it after the timers of the sibling stages before it
    /// (the correction reminder does not extend the correction window).
    /// </summary>
    public bool CountsFromParent { get; init; }

    /// <summary>
    /// When set, the campaign's policy decides what the passed deadline means (its Step 3 timing rules), so the audit
    /// entry names that rule; otherwise the follow-up definition alone is the reason.
    /// </summary>
    public PolicyDeadline Deadline { get; init; }

    public string KeyFor(CaseStage stage) => Key ?? stage.Name;
}
