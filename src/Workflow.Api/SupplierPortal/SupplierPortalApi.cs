using Microsoft.Extensions.Options;
using Workflow.Api.Extensions;
using Workflow.Api.Campaigns;
using Workflow.Api.Cases;
using Workflow.Api.Errors;
using Workflow.Api.Escalations;
using Workflow.Api.Health;
using Workflow.Api.Policies;
using Workflow.Api.Reference;
using Workflow.DevHost.Demo;
using Workflow.Cmrt.Evaluation;
using Workflow.Application.Campaigns;
using Workflow.Application.Cases;
using Workflow.Application.Queries;
using Workflow.Api.Pages.Layout;
using Workflow.Application.Submissions;
using Workflow.Application.Confirmations;
using Workflow.Application.SupplierLinks;
using Workflow.StateMachines;

namespace Workflow.Api.SupplierPortal;

/// <summary>
/// The page behind the signed link in supplier e-mails: no login, one case only; the token is the credential, so
/// there is no anti-forgery token (a forged post could only upload to the case the token already opens).
/// </summary>
public static class SupplierPortalApi
{
    public static void MapSupplierPortal(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/supplier").WithTags("Supplier portal").ExcludeFromDescription();

        // After an upload the page redirects here with ?submission= (Post/Redirect/Get): a reload shows the result again
        // instead of sending the file again. Only a submission of this link's own case is shown.
        portal.MapGet("/{token}", async (string token, Guid? submission, SupplierLinkSigner links, CaseQueries cases, CampaignStore campaigns,
            CaseRecordQuery records, CmrtConfirmations confirmations, IOptions<UploadOptions> limits, CancellationToken ct) =>
        {
            var (view, refusal) = await OpenAsync(token, links, cases, campaigns, limits.Value.MaxBytes, ct);
            if (refusal is not null) return refusal;
            var result = submission is { } id ? await ResultOfAsync(view!, id, cases, records, ct) : null;
            return SupplierPage.Upload(result is null ? view! : view! with { Stage = null }, token, result: result,
                confirmable: result is null ? await confirmations.ConfirmableAsync(view!.CaseId, ct) : null);
        });

        // "Nothing changed": last year's valid CMRT is submitted again on this case and checked like an upload.
        portal.MapPost("/{token}/confirm", async (string token, HttpRequest request, SupplierLinkSigner links, CaseQueries cases,
            CampaignStore campaigns, CmrtConfirmations confirmations, UploadThrottle throttle, IOptions<UploadOptions> limits, CancellationToken ct) =>
        {
            var (view, refusal) = await OpenAsync(token, links, cases, campaigns, limits.Value.MaxBytes, ct);
            if (refusal is not null) return refusal;
            var t = view!.Texts;
            var slot = await throttle.TryAcquireAsync(token, request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", ct);
            if (!slot.Allowed)
                return new RetryAfterResult(SupplierPage.Problem(429, t.TooManyTitle, t.TooManyText(slot.RetryAfter), t.Language), slot.RetryAfter);
            try
            {
                var result = await confirmations.ConfirmAsync(view.CaseId, $"supplier:{view.SupplierEmail}", ct);
                return new SeeOther($"/supplier/{token}?submission={result.SubmissionId}");
            }
            catch (NoConfirmableDeclarationException)
            {
                return SupplierPage.Upload(view, token, alert: t.ConfirmGone, status: 409);
            }
            catch (SubmissionLimitException e)
            {
                return new RetryAfterResult(SupplierPage.Problem(429, t.LimitTitle, t.LimitText(e.Limit), t.Language), UploadThrottle.Window);
            }
            catch (IllegalTransitionException)
            {
                return SupplierPage.Problem(409, t.ClosedTitle, t.ClosedText, t.Language);
            }
        }).DisableAntiforgery();

        portal.MapPost("/{token}", async (string token, HttpRequest request, SupplierLinkSigner links, CaseQueries cases,
            CampaignStore campaigns, SubmissionService submissions, UploadThrottle throttle, IOptions<UploadOptions> limits, CancellationToken ct) =>
        {
            var max = limits.Value.MaxBytes;
            var (view, refusal) = await OpenAsync(token, links, cases, campaigns, max, ct);
            if (refusal is not null) return refusal;
            var t = view!.Texts;
            // Counted before the body is read: every upload attempt through a valid link costs the sender a slot.
            var slot = await throttle.TryAcquireAsync(token, request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", ct);
            if (!slot.Allowed)
                return new RetryAfterResult(SupplierPage.Problem(429, t.TooManyTitle, t.TooManyText(slot.RetryAfter), t.Language), slot.RetryAfter);
            if (request.ContentLength > max + 64 * 1024) return TooLarge(t, max);
            if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
                return SupplierPage.Problem(400, t.UploadTitle, t.UploadText, t.Language);
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            if (file is null || file.Length == 0)
                return SupplierPage.Upload(view, token, alert: t.ChooseFile);
            if (file.Length > max) return TooLarge(t, max);

            var content = new byte[file.Length];
            await using (var s = file.OpenReadStream()) await s.ReadExactlyAsync(content, ct);
            try
            {
                var result = await submissions.SubmitAsync(view.CaseId, Path.GetFileName(file.FileName), file.ContentType, content,
                    $"supplier:{view.SupplierEmail}", SubmissionChannels.SupplierLink, ct);
                return new SeeOther($"/supplier/{token}?submission={result.SubmissionId}");
            }
            catch (NotAWorkbookException e)
            {
                return SupplierPage.Upload(view, token, alert: t.NotAWorkbook(e.Description), status: 400);
            }
            catch (SubmissionLimitException e)
            {
                return new RetryAfterResult(SupplierPage.Problem(429, t.LimitTitle, t.LimitText(e.Limit), t.Language), UploadThrottle.Window);
            }
            catch (IllegalTransitionException)
            {
                return SupplierPage.Problem(409, t.ClosedTitle, t.ClosedText, t.Language);
            }
        }).DisableAntiforgery();
    }

    private static async Task<(SupplierCaseView? View, IResult? Refusal)> OpenAsync(string token, SupplierLinkSigner links, CaseQueries cases,
        CampaignStore campaigns, long maxBytes, CancellationToken ct)
    {
        var check = links.Verify(token);
        switch (check.Status)
        {
            case LinkStatus.Tampered:
                // Nothing in a tampered token can be trusted, not even the case it names: the page is in English.
                return (null, SupplierPage.Problem(403, SupplierTexts.English.InvalidLinkTitle, SupplierTexts.English.InvalidLinkText));
        }
        var detail = await cases.GetAsync(check.CaseId!.Value, ct);
        var t = SupplierTexts.For(detail?.SupplierLanguage);
        // An expired link is still signed by us, so its case is known and the page speaks the supplier's language.
        if (check.Status == LinkStatus.Expired)
            return (null, SupplierPage.Problem(410, t.ExpiredTitle, t.ExpiredText(t.Date(check.ExpiresAt!.Value)), t.Language));
        var campaign = detail is null ? null : await campaigns.GetAsync(detail.CampaignId, ct);
        if (detail is null || campaign is null) return (null, SupplierPage.Problem(404, t.NotFoundTitle, t.NotFoundText, t.Language));
        return (new SupplierCaseView(detail.Id, detail.Reference, detail.SupplierName, detail.SupplierEmail, detail.CampaignName,
            campaign.ResponseDueDate, detail.State, maxBytes, t) { Stage = detail.Stage }, null);
    }

    /// <summary>What became of one upload of this case, in the supplier's language; null for a submission of another case.</summary>
    private static async Task<SupplierUploadResult?> ResultOfAsync(SupplierCaseView view, Guid submissionId, CaseQueries cases, CaseRecordQuery records, CancellationToken ct)
    {
        var detail = await cases.GetAsync(view.CaseId, ct);
        if (detail?.Submissions.FirstOrDefault(s => s.Id == submissionId) is not { } submission) return null;
        var evaluations = await records.EvaluationsAsync(view.CaseId, ct);
        var findings = evaluations.FirstOrDefault(e => e.SubmissionId == submissionId)?.Findings ?? [];
        return new SupplierUploadResult(submission.Outcome, findings.Select(f => SupplierFinding.From(f, view.Texts.Language)).ToList());
    }

    private static IResult TooLarge(SupplierTexts t, long max) =>
        SupplierPage.Problem(413, t.TooLargeTitle, t.TooLargeText(max / 1024 / 1024), t.Language);
}
