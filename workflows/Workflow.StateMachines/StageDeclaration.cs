using Stateless;
using Workflow.Domain.Cases;

namespace Workflow.StateMachines;

/// <summary>
/// Everything one stage of the supplier case means, declared once in <see cref="CaseMachine"/>: the visible state it
/// belongs to, where it sits in the hierarchy, the timer that runs while a case waits in it, the message its entry
/// sends, and the other transitions it permits.
/// </summary>
/// <param name="State">The visible state; null only for the machine's start (a case being opened, never stored).</param>
public sealed record StageDeclaration(CaseStage Stage, CaseState? State)
{
    /// <summary>The superstate whose transitions this stage inherits.</summary>
    public CaseStage? Parent { get; init; }

    /// <summary>For a superstate: the sub-stage a case entering it lands in.</summary>
    public CaseStage? InitialSubStage { get; init; }

    /// <summary>The follow-up timer of a waiting stage; a stage without one does not wait for anything.</summary>
    public StageTimer? Timer { get; init; }

    /// <summary>The message a case entering this stage gets (see <see cref="StageMessage"/> for the fine print).</summary>
    public StageMessage? OnEntry { get; init; }

    /// <summary>
    /// The stage's other transitions, in Stateless' own terms; the function gives the facts of the case being decided
    /// (guards must only read them).
    /// </summary>
    public Action<StateMachine<CaseStage, CaseTrigger>.StateConfiguration, Func<CaseFacts>>? Transitions { get; init; }

    /// <summary>Whether a case in this stage waits for its timer (and so carries a due time).</summary>
    public bool Waits => Timer is not null;
}
