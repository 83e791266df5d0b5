namespace Workflow.Domain.Cases;

/// <summary>The six states a user sees. Detailed positions (reminder levels) are <see cref="CaseStage"/>.</summary>
public enum CaseState
{
    Surveyed,
    Responded,
    Invalid,
    Corrected,
    Escalated,
    Terminated,
}
