namespace Workflow.Domain.Cases;

/// <summary>What a manager decides on an escalated case.</summary>
public enum ManagementDecision
{
    /// <summary>Give the supplier more time: the chase starts again, due at the chosen date.</summary>
    Extend,
    AcceptRisk,
    Terminate,
}
