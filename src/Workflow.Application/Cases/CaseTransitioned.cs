using Workflow.Domain.Cases;
using Workflow.StateMachines;

namespace Workflow.Application.Cases;

/// <summary>A committed (or about to be committed) transition, as participants and listeners see it.</summary>
/// <param name="FromState">Null when the case was just opened (launch).</param>
/// <param name="Messages">What the machine said the move sends (the outbox writes them).</param>
public sealed record CaseTransitioned(
    Guid CaseId,
    Guid CampaignId,
    CaseStage From,
    CaseStage To,
    CaseState? FromState,
    CaseState ToState,
    CaseTrigger Trigger,
    TransitionCause Cause,
    int NewVersion,
    DateTimeOffset At,
    DateTimeOffset? DueAt,
    IReadOnlyList<StageMessage> Messages)
{
    public bool StageChanged => From != To;
}
