using Workflow.Api.Pages.Layout;
using Workflow.Application.Cases;
using Workflow.Application.Queries;
using Workflow.Application.Records;

namespace Workflow.Api.Pages.Cases;

/// <summary>Everything the case page shows, and what the reader's role lets them do with it.</summary>
public sealed record CaseModel(CaseDetail Detail, IReadOnlyDictionary<Guid, SubmissionEvaluation> Evaluations,
    IReadOnlyList<SubmissionReevaluation> Reevaluations, IReadOnlyList<EmailSent> Emails,
    IReadOnlyList<MessageRecordSummary> Messages,
    IReadOnlyList<FindingLine>? JustUploaded, bool CanDecide, bool CanUpload, Notice? Notice);
