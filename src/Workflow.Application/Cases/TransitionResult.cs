namespace Workflow.Application.Cases;

public enum TransitionStatus
{
    Applied,
    /// <summary>The case changed since the caller (or this batch's read) saw it; nothing was written for it.</summary>
    Conflict,
    /// <summary>The machine does not allow the intention in the case's stage.</summary>
    Refused,
    NotFound,
}

/// <summary>What happened to one request of a batch; <see cref="Transition"/> is set when it was applied.</summary>
public sealed record TransitionResult(TransitionRequest Request, TransitionStatus Status, CaseTransitioned? Transition = null,
    Exception? Error = null, int? CurrentVersion = null)
{
    public bool Applied => Status == TransitionStatus.Applied;
}
