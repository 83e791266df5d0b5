using Microsoft.Extensions.Options;
using Workflow.Api.Security;
using Workflow.Cmrt.Evaluation;
using Workflow.Domain.Cases;
using Workflow.Application.Cases;
using Workflow.Application.Submissions;
using Workflow.StateMachines;
using Workflow.Api.Campaigns;
using Workflow.Api.Errors;
using Workflow.Api.Escalations;
using Workflow.Api.Extensions;
using Workflow.Api.Health;
using Workflow.Api.Policies;
using Workflow.Api.Reference;
using Workflow.DevHost.Demo;

namespace Workflow.Api.Cases;

public sealed record DecisionRequest(string? Decision, string? Reason, DateOnly? ExtendTo, int? ExpectedVersion);

public static class CasesApi
{
    public static void MapCases(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases").RequireAuthorization(AccessPolicies.Read).WithTags("Cases");

        api.MapGet("/{id:guid}", async (Guid id, CaseQueries cases, CancellationToken ct) =>
            await cases.GetAsync(id, ct) ?? throw new NotFoundException("Case", id));

        api.MapPost("/{id:guid}/submissions", async (Guid id, HttpRequest request, SubmissionService submissions,
            IOptions<UploadOptions> limits, CancellationToken ct) =>
        {
            var max = limits.Value.MaxBytes;
            if (request.ContentLength > max + 64 * 1024) return TooLarge(max);
            if (!request.HasFormContentType)
                return Results.Problem(statusCode: 400, title: "Expected a file", detail: "Send multipart/form-data with the workbook in the field 'file'.");
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            if (file is null)
                return Results.Problem(statusCode: 400, title: "Expected a file", detail: "The form has no field 'file' holding the CMRT workbook.");
            if (file.Length > max) return TooLarge(max);
            if (file.Length == 0) return Results.Problem(statusCode: 400, title: "Empty file", detail: $"'{file.FileName}' is empty.");

            var content = new byte[file.Length];
            await using (var s = file.OpenReadStream()) await s.ReadExactlyAsync(content, ct);
            SubmissionResult result;
            try
            {
                result = await submissions.SubmitAsync(id, Path.GetFileName(file.FileName), file.ContentType, content,
                    request.HttpContext.ActorOf(), SubmissionChannels.ApiUpload, ct);
            }
            catch (NotAWorkbookException e)
            {
                return Results.Problem(statusCode: 400, title: "Not an Excel workbook", detail: e.Message);
            }
            return Results.Ok(new
            {
                submissionId = result.SubmissionId,
                outcome = result.Evaluation.Outcome.ToWire(),
                state = result.State,
                stage = result.Stage,
                findings = result.Evaluation.Findings.Select(FindingView.From),
            });
        }).RequireAuthorization(AccessPolicies.Owner).DisableAntiforgery();

        // Always an attachment, typed and named by what the file is (nosniff comes with every response, from
        // SecurityHeaders): a supplier's upload must never render in a staff member's browser, where an "x/" file sent
        // as text/html would run its script with their session.
        api.MapGet("/{id:guid}/submissions/{submissionId:guid}/file", async (Guid id, Guid submissionId, SubmissionService submissions, CancellationToken ct) =>
        {
            var file = await submissions.DownloadAsync(id, submissionId, ct) ?? throw new NotFoundException("Submission", submissionId);
            // No upload is empty (an empty file is not a workbook and is refused): empty content is a retention purge.
            return file.Content.Length == 0
                ? Results.Problem(statusCode: 410, title: "Removed after the retention period",
                    detail: "The file was removed when the campaign's retention period ended; its hash, evaluation and audit trail are kept.")
                : Results.File(file.Content, file.ContentType, file.FileName);
        });

        api.MapPost("/{id:guid}/decisions", async (Guid id, DecisionRequest request, CaseTransitions transitions, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Reason))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Every decision needs a reason; it goes into the audit trail."] });
            ManagementDecision decision;
            DateTimeOffset? dueAt = null;
            switch (request.Decision)
            {
                case "extend":
                    if (request.ExtendTo is null)
                        return Results.ValidationProblem(new Dictionary<string, string[]> { ["extendTo"] = ["An extension needs the new date (YYYY-MM-DD)."] });
                    decision = ManagementDecision.Extend;
                    dueAt = new DateTimeOffset(request.ExtendTo.Value.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
                    break;
                case "accept-risk": decision = ManagementDecision.AcceptRisk; break;
                case "terminate": decision = ManagementDecision.Terminate; break;
                default:
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["decision"] = [$"'{request.Decision}' is not a decision; use extend, accept-risk or terminate."] });
            }
            var reason = request.Decision == "extend" ? $"extended to {request.ExtendTo:yyyy-MM-dd}: {request.Reason!.Trim()}" : request.Reason!.Trim();
            var t = await transitions.FireAsync(id, CaseIntention.Decide(decision), new TransitionCause(http.ActorOf(), reason), request.ExpectedVersion, dueAt, ct: ct);
            return Results.Ok(new { state = t.ToState.ToString(), stage = t.To.ToString(), version = t.NewVersion });
        }).RequireAuthorization(AccessPolicies.Manager);
    }

    private static IResult TooLarge(long max) => Results.Problem(statusCode: 413, title: "File too large",
        detail: $"CMRT files must be at most {max / 1024 / 1024} MB; real templates are under 3 MB.");
}

public sealed record FindingView(string Code, string Severity, string Location, string Message, string Rule, string? Because)
{
    public static FindingView From(Finding f) => new(f.Code, f.Severity.ToWire(), f.Location, f.Message, f.Rule, f.Because);
}
