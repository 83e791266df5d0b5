using Workflow.Domain.Cases;

namespace Workflow.Infrastructure.Cases;

/// <summary>A committed (or about to be committed) transition, as participants and listeners see it.</summary>
public sealed record CaseTransitioned(
    Guid CaseId,
    Guid CampaignId,
    CaseStage From,
    CaseStage To,
    CaseTrigger Trigger,
    TransitionCause Cause,
    int NewVersion,
    DateTimeOffset At,
    DateTimeOffset? DueAt)
{
    public bool StageChanged => From != To;
}
