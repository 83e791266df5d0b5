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
using Workflow.Api.Pages.Escalations;
using Workflow.Api.Pages.Layout;
using Workflow.Api.Security;
using Workflow.Cmrt.Evaluation;
using Workflow.Application.Bounces;
using Workflow.Application.Cases;
using Workflow.Application.Declared;
using Workflow.Application.Wording;
using Workflow.Application.Queries;
using Workflow.Application.Records;
using Workflow.Application.Submissions;
using Workflow.Domain.Security;

using Workflow.Application.YearOverYear;

namespace Workflow.Api.Pages.Cases;

/// <summary>/cases/{id}: the whole story of one supplier case, and the actions its reader's role allows.</summary>
public static class CasePage
{
    public static void MapCasePage(this IEndpointRouteBuilder pages)
    {
        // After a form's redirect (Post/Redirect/Get) the query says what was done: ?uploaded={submission} or ?decided=1.
        pages.MapGet("/cases/{id:guid}", async (Guid id, Guid? submission, string? uploaded, string? decided, HttpContext http, CaseQueries cases,
            CaseRecordQuery records, MessageRecordQuery messages, CancellationToken ct) =>
            await RenderAsync(http, id, cases, records, messages, null, null, 200, ct, submission,
                Guid.TryParse(uploaded, out var upload) ? upload : null, decided == "1"));

        pages.MapPost("/cases/{id:guid}/decisions", async (Guid id, IFormCollection form, HttpContext http, CaseQueries cases,
            CaseRecordQuery records, MessageRecordQuery messages, CaseTransitions transitions, CancellationToken ct) =>
        {
            var (decision, error) = ManagerDecision.Parse(form["decision"], form["reason"], form["extendTo"]);
            int? version = int.TryParse(form["expectedVersion"], out var v) ? v : null;
            var outcome = decision is null ? null : await decision.ApplyAsync(transitions, id, version, http.ActorOf(), ct);
            if (outcome is { Succeeded: true }) return SeeOther.To($"/cases/{id}?decided=1");
            return await RenderAsync(http, id, cases, records, messages, Notice.Error($"Not recorded: {error ?? outcome!.Message}"), null, 409, ct);
        }).RequireAuthorization(AccessPolicies.Manager);

        pages.MapPost("/cases/{id:guid}/submissions", async (Guid id, IFormFile? file, HttpContext http, CaseQueries cases, CaseRecordQuery records, MessageRecordQuery messages,
            SubmissionService submissions, IOptions<UploadOptions> limits, CancellationToken ct) =>
        {
            if (file is null || file.Length == 0)
                return await RenderAsync(http, id, cases, records, messages, Notice.Error("Choose a CMRT file to upload."), null, 400, ct);
            if (file.Length > limits.Value.MaxBytes)
                return await RenderAsync(http, id, cases, records, messages,
                    Notice.Error($"The file is larger than {limits.Value.MaxBytes / 1024 / 1024} MB; real CMRTs are under 3 MB."), null, 413, ct);
            var content = new byte[file.Length];
            await using (var s = file.OpenReadStream()) await s.ReadExactlyAsync(content, ct);
            SubmissionResult result;
            try
            {
                result = await submissions.SubmitAsync(id, Path.GetFileName(file.FileName), file.ContentType, content, http.ActorOf(), SubmissionChannels.PageUpload, ct);
            }
            catch (NotAWorkbookException e)
            {
                return await RenderAsync(http, id, cases, records, messages, Notice.Error($"Not uploaded: {e.Message}"), null, 400, ct);
            }
            return SeeOther.To($"/cases/{id}?uploaded={result.SubmissionId}");
        }).RequireAuthorization(AccessPolicies.Owner);
    }

    private static async Task<IResult> RenderAsync(HttpContext http, Guid id, CaseQueries cases, CaseRecordQuery records, MessageRecordQuery messages, Notice? notice,
        SubmissionResult? justUploaded, int status, CancellationToken ct, Guid? shownSubmission = null, Guid? uploadedId = null, bool decided = false)
    {
        var detail = await cases.GetAsync(id, ct) ?? throw new NotFoundException("Case", id);
        var evaluations = (await records.EvaluationsAsync(id, ct)).ToDictionary(e => e.SubmissionId);
        if (uploadedId is { } upload && detail.Submissions.FirstOrDefault(x => x.Id == upload) is { } sub)
        {
            shownSubmission = upload;
            var count = evaluations.TryGetValue(upload, out var ev) ? ev.Findings.Count : 0;
            notice ??= new Notice($"Uploaded {sub.FileName}: ", Emphasis: sub.Outcome, Tail: $"; the case is now {detail.State}. {FindingsWhere(count)}");
        }
        if (decided)
            notice ??= Notice.Info($"Decision recorded: the case is now {detail.State} ({Plain.Stage(detail.Stage).ToLowerInvariant()}).");
        var emails = await records.EmailsAsync(id, ct);
        var stored = await messages.ForCaseAsync(id, ct) ?? [];
        // The upload's findings are the latest submission's: shown once, beside the declared content, not again here.
        var shown = justUploaded?.SubmissionId
            ?? (shownSubmission is { } asked && detail.Submissions.Any(s => s.Id == asked) ? asked : detail.Submissions.LastOrDefault()?.Id);
        var declared = shown is { } sid
            ? (await http.RequestServices.GetRequiredService<DeclaredSubmissionQuery>().GetAsync(id, [sid], ct)).SingleOrDefault()
            : null;
        var sinceLastYear = await http.RequestServices.GetRequiredService<CaseYearOverYearQuery>().GetAsync(id, ct);
        var user = http.User;
        var reevaluations = await records.ReevaluationsAsync(id, ct);
        return PageResult.Of<CaseView, CaseModel>(new CaseModel(detail, evaluations, reevaluations, emails, stored,
            CanDecide: user.IsInRole(Roles.Manager) && detail.State == "Escalated",
            CanUpload: user.IsInRole(Roles.ComplianceOwner) && detail.State != "Terminated", notice)
            {
                SinceLastYear = sinceLastYear,
                Bounces = await http.RequestServices.GetRequiredService<ContactNeeded>().ForCaseAsync(id, ct),
                Parts = await http.RequestServices.GetRequiredService<global::Workflow.Application.ProductLevel.SupplierParts>().ForCaseAsync(id, ct),
                Declared = declared,
            }, status);
    }

    private static string FindingsWhere(int count) => count == 0
        ? "No findings."
        : $"Its {count} finding{(count == 1 ? " is" : "s are")} shown below, beside what the supplier declared.";
}
