namespace Workflow.StateMachines;

/// <summary>Which decision of the policy's Step 3 timing rules a timer's deadline asks for.</summary>
public enum PolicyDeadline
{
    None,
    Escalation,
    TerminationRecommendation,
}
