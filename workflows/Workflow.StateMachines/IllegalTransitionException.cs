using Workflow.Domain.Cases;

namespace Workflow.StateMachines;

/// <summary>A trigger that the supplier workflow does not allow in the case's current state.</summary>
public sealed class IllegalTransitionException(CaseStage stage, CaseTrigger trigger)
    : InvalidOperationException($"'{trigger}' is not allowed while the case is {Describe(stage)}.")
{
    public CaseStage Stage { get; } = stage;
    public CaseTrigger Trigger { get; } = trigger;

    private static string Describe(CaseStage stage) =>
        stage.ToState().ToString() == stage.ToString() ? stage.ToString() : $"{stage.ToState()} ({stage})";
}
