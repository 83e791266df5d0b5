namespace Workflow.Domain.Cases;

/// <summary>What the check of a submitted CMRT means for the case (an unreadable file counts as invalid).</summary>
public enum SubmissionOutcome
{
    Accepted,
    Invalid,
    RedFlag,
}
