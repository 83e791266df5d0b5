namespace Workflow.Application.Reports;

/// <summary>
/// One supplier case as the report sees it: its submissions summarised, its latest valid evaluation, and the
/// triggers of its audit trail (one entry per audit row, so decisions can be counted).
/// </summary>
public sealed record ReportCase(
    Guid CaseId,
    string Reference,
    string SupplierName,
    string State,
    int Submissions,
    DateTimeOffset? FirstSubmissionAt,
    string? LatestOutcome,
    StoredEvaluation? LatestValid,
    bool CorrectedAfterInvalid,
    IReadOnlyList<string> Triggers,
    bool EverEscalated)
{
    public bool Responded => Submissions > 0;
    public bool LatestIsInvalid => LatestOutcome is "invalid" or "unreadable";
    public bool HasValid => LatestValid is not null;
}
