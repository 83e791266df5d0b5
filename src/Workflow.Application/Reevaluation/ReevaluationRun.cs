namespace Workflow.Application.Reevaluation;

/// <summary>An applied re-evaluation and its progress, as every instance reads it from the database.</summary>
/// <param name="Status">queued | running | done | failed</param>
/// <param name="Changed">Submissions whose outcome changed.</param>
/// <param name="NotMoved">Cases whose outcome changed but that were not moved (terminated, refused by the machine, changed meanwhile); each is in <paramref name="Errors"/>.</param>
public sealed record ReevaluationRun(
    Guid Id,
    Guid CampaignId,
    string Status,
    int Total,
    int Done,
    int Changed,
    int Moved,
    int NotMoved,
    IReadOnlyList<ReevaluationRunError> Errors,
    string PolicyVersion,
    string ReferenceListVersion,
    bool Notify,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string Reason,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    public bool Finished => Status is ReevaluationStatus.Done or ReevaluationStatus.Failed;
}

/// <summary>A case or submission the run could not fully handle, and why.</summary>
public sealed record ReevaluationRunError(Guid? CaseId, string? CaseReference, string Message);

public static class ReevaluationStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
}
