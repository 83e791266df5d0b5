using Workflow.Api.Pages.Layout;
using Workflow.Application.Bounces;
using Workflow.Application.Cases;
using Workflow.Application.Declared;
using Workflow.Application.Queries;
using Workflow.Application.Records;
using Workflow.Application.YearOverYear;

namespace Workflow.Api.Pages.Cases;

/// <summary>Everything the case page shows, and what the reader's role lets them do with it.</summary>
public sealed record CaseModel(CaseDetail Detail, IReadOnlyDictionary<Guid, SubmissionEvaluation> Evaluations,
    IReadOnlyList<SubmissionReevaluation> Reevaluations, IReadOnlyList<EmailSent> Emails,
    IReadOnlyList<MessageRecordSummary> Messages,
    bool CanDecide, bool CanUpload, Notice? Notice)
{
    /// <summary>This case's CMRT against the supplier's previous one.</summary>
    public CaseYearOverYear? SinceLastYear { get; init; }
    /// <summary>Bounced addresses of the case's supplier, open ones first.</summary>
    public IReadOnlyList<ContactBounce> Bounces { get; init; } = [];
    /// <summary>Our parts bought from the case's supplier (bill of materials), with the products they go into.</summary>
    public IReadOnlyList<global::Workflow.Application.ProductLevel.SupplierPart> Parts { get; init; } = [];
    /// <summary>The submission whose declared content the page shows (the latest unless <c>?submission=</c> names another).</summary>
    public DeclaredSubmission? Declared { get; init; }
}
