using Workflow.Domain.Cases;

namespace Workflow.StateMachines;

/// <summary>What the machine decided for one intention: where the case goes, the trigger it records, and the messages it sends.</summary>
public sealed record CaseMove(CaseStage From, CaseStage To, CaseTrigger Trigger, IReadOnlyList<StageMessage> Messages)
{
    public bool StageChanged => From != To;
}
