using Workflow.Domain.Cases;

namespace Workflow.Application.Cases;

/// <summary>When the next timer of a case falls due after it enters <paramref name="stage"/>; null when none.</summary>
public interface IFollowUpClock
{
    DateTimeOffset? DueAt(CaseStage stage, DateTimeOffset enteredAt);
}
