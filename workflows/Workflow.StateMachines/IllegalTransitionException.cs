using Workflow.Domain.Cases;

namespace Workflow.StateMachines;

/// <summary>An intention that the supplier workflow does not allow in the case's current state.</summary>
public sealed class IllegalTransitionException(CaseStage stage, string what, string stageDescription)
    : InvalidOperationException($"'{what}' is not allowed while the case is {stageDescription}.")
{
    public CaseStage Stage { get; } = stage;
}
