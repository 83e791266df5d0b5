using Workflow.Api.Errors;
using Workflow.Api.Pages.Layout;
using Workflow.Application.Cases;
using Workflow.Application.Declared;

namespace Workflow.Api.Pages.Cases;

/// <summary>Two submissions of one case and what they tell apart: the supplier's changes and the findings resolved or new.</summary>
public sealed record CompareModel(CaseDetail Detail, DeclaredSubmission? From, DeclaredSubmission? To, DeclarationComparison? Comparison, Notice? Notice);

/// <summary>/cases/{id}/compare?from=&amp;to=: side by side, the last two submissions unless the reader picks others.</summary>
public static class ComparePage
{
    public static void MapComparePage(this IEndpointRouteBuilder pages) =>
        pages.MapGet("/cases/{id:guid}/compare", async (Guid id, Guid? from, Guid? to, CaseQueries cases, DeclaredSubmissionQuery declared, CancellationToken ct) =>
        {
            var detail = await cases.GetAsync(id, ct) ?? throw new NotFoundException("Case", id);
            var submissions = detail.Submissions;
            if (submissions.Count < 2)
                return PageResult.Of<CompareView, CompareModel>(new CompareModel(detail, null, null, null,
                    Notice.Info("This case has fewer than two submissions, so there is nothing to compare yet.")));
            var ids = submissions.Select(s => s.Id).ToList();
            var fromId = from is { } f && ids.Contains(f) ? f : ids[^2];
            var toId = to is { } t && ids.Contains(t) ? t : ids[^1];
            // Earlier on the left, whichever way round the reader picked them.
            if (ids.IndexOf(fromId) > ids.IndexOf(toId)) (fromId, toId) = (toId, fromId);
            if (fromId == toId)
                return PageResult.Of<CompareView, CompareModel>(new CompareModel(detail, null, null, null,
                    Notice.Error("Choose two different submissions to compare.")), StatusCodes.Status400BadRequest);
            var both = await declared.GetAsync(id, [fromId, toId], ct);
            var older = both.Single(s => s.SubmissionId == fromId);
            var newer = both.Single(s => s.SubmissionId == toId);
            return PageResult.Of<CompareView, CompareModel>(new CompareModel(detail, older, newer, DeclarationComparison.Of(older, newer), null));
        });
}
