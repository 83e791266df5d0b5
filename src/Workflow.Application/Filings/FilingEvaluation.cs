namespace Workflow.Application.Filings;

/// <summary>One evaluation a filing counted: the submission, the file's hash, and the policy and reference list behind it.</summary>
public sealed record FilingEvaluation(
    Guid SubmissionId,
    string CaseReference,
    string Supplier,
    DateTimeOffset ReceivedAt,
    string Outcome,
    string FileSha256,
    string? PolicyVersion,
    string? ReferenceListVersion);
