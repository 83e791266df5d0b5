using Workflow.Api.Pages.Errors;
using Workflow.Api.Pages.Grievances;
using Workflow.Api.Pages.Layout;
using Workflow.Application.Email;
using Workflow.Application.Grievances;
using Workflow.Application.Settings;
using Workflow.Application.Submissions;
using Microsoft.Extensions.Options;
using Workflow.Domain.Grievances;

namespace Workflow.Api.Grievances;

/// <summary>
/// The public side of the grievance mechanism: anyone may report a concern at /concerns without signing in, and read
/// replies or add information through the secret follow-up link. Nothing that identifies the sender (no network
/// address) is stored; the rate limit keeps addresses in memory only.
/// </summary>
public static class PublicConcernsApi
{
    public static void MapPublicConcerns(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/concerns").AllowAnonymous().ExcludeFromDescription();

        // The form, in the language of ?lang= or the browser's; no cookie, no script.
        open.MapGet("/", (HttpRequest request, IOptionsMonitor<UploadOptions> uploads, IOptionsMonitor<GrievanceOptions> options) =>
            FormPage(ConcernTexts.For(request), ReporterForm.Empty, uploads.CurrentValue.MaxBytes, options.CurrentValue.MaxFiles));

        // A browser is sent on to its follow-up page (Post/Redirect/Get), which shows the reference and the secret link,
        // or gets the form back (400) with what was typed and each problem beside its field; any other client gets
        // 201 {id, reference, followUpLink} or a validation problem.
        open.MapPost("/", async (HttpRequest request, ConcernStore store, PublicUrls urls, EffectiveSettings settings,
            IOptionsMonitor<UploadOptions> uploads, IOptionsMonitor<GrievanceOptions> options, CancellationToken ct) =>
        {
            if (ProblemPages.WantsHtml(request.HttpContext)) return await FromBrowserAsync(request, store, uploads.CurrentValue.MaxBytes, options.CurrentValue, ct);
            var read = await ReadFormAsync(request, uploads.CurrentValue.MaxBytes, options.CurrentValue.MaxFiles, ct);
            if (read.Problem is { } problem) return Results.ValidationProblem(problem, title: "Concern not stored");
            try
            {
                var created = await store.CreateAsync(read.Input!, read.Files, ConcernChannels.Web, ConcernStore.ReporterActor, null, ct);
                return Results.Json(await ConcernsApi.AnswerAsync(created, urls, settings, ct), statusCode: StatusCodes.Status201Created);
            }
            catch (ConcernValidationException e)
            {
                return Results.ValidationProblem(e.Errors, title: "Concern not stored");
            }
        }).DisableAntiforgery().RequireRateLimiting(GrievanceExtensions.PublicRateLimit);

        // An unknown token is a plain 404 (the problem page for a browser): nothing says whether a concern exists.
        open.MapGet("/follow-up/{token}", async (string token, HttpRequest request, ConcernStore store, ConcernQueries queries, PublicUrls urls,
            IOptionsMonitor<UploadOptions> uploads, IOptionsMonitor<GrievanceOptions> options, CancellationToken ct) =>
        {
            if (await store.FindByTokenAsync(token, ct) is not { } id || await queries.ReporterViewAsync(id, ct) is not { } view)
                return UnknownLink(request);
            if (!ProblemPages.WantsHtml(request.HttpContext)) return Results.Ok(view);
            var t = ConcernTexts.For(request, view.Language);
            return ShowFollowUp(request.HttpContext, new FollowUpModel(t, view, token, ConcernsApi.FollowUpLink(await urls.BaseAsync(ct), token),
                request.Query["new"] == "1", request.Query["added"] == "1", ReporterForm.Empty, options.CurrentValue.MaxFiles, uploads.CurrentValue.MaxBytes));
        });

        open.MapPost("/follow-up/{token}", async (string token, HttpRequest request, ConcernStore store, ConcernQueries queries, PublicUrls urls,
            IOptionsMonitor<UploadOptions> uploads, IOptionsMonitor<GrievanceOptions> options, CancellationToken ct) =>
        {
            if (await store.FindByTokenAsync(token, ct) is not { } id) return UnknownLink(request);
            if (ProblemPages.WantsHtml(request.HttpContext) && await queries.ReporterViewAsync(id, ct) is { } view)
            {
                var t = ConcernTexts.For(request, view.Language);
                var max = options.CurrentValue;
                var form = (await ReporterForm.ReadAsync(request, t, uploads.CurrentValue.MaxBytes, max.MaxFiles, ct)).CheckAddition(t, max.MaxTextLength);
                if (form.IsValid)
                {
                    try
                    {
                        await store.AddInformationAsync(id, form.Body!, form.Files, ct);
                        return new SeeOther(ConcernsApi.FollowUpPath(token) + "?added=1" + (ConcernTexts.Find(request.Query["lang"]) is { } chosen ? "&lang=" + chosen.Language : ""));
                    }
                    catch (ConcernValidationException e) { form = form.With(t, e.Errors, max.MaxTextLength); }
                }
                return ShowFollowUp(request.HttpContext, new FollowUpModel(t, view, token, ConcernsApi.FollowUpLink(await urls.BaseAsync(ct), token),
                    false, false, form, max.MaxFiles, uploads.CurrentValue.MaxBytes), StatusCodes.Status400BadRequest);
            }
            var read = await ReadFormAsync(request, uploads.CurrentValue.MaxBytes, options.CurrentValue.MaxFiles, ct);
            if (read.Problem is { } problem) return Results.ValidationProblem(problem, title: "Information not added");
            try
            {
                await store.AddInformationAsync(id, request.Form["body"].ToString(), read.Files, ct);
            }
            catch (ConcernValidationException e)
            {
                return Results.ValidationProblem(e.Errors, title: "Information not added");
            }
            return new SeeOther(ConcernsApi.FollowUpPath(token) + "?added=1");
        }).DisableAntiforgery().RequireRateLimiting(GrievanceExtensions.PublicRateLimit);
    }

    private static async Task<IResult> FromBrowserAsync(HttpRequest request, ConcernStore store, long maxBytes, GrievanceOptions options, CancellationToken ct)
    {
        var t = ConcernTexts.For(request);
        var form = (await ReporterForm.ReadAsync(request, t, maxBytes, options.MaxFiles, ct)).CheckConcern(t, options.MaxTextLength);
        if (form.IsValid)
        {
            try
            {
                var created = await store.CreateAsync(form.Input, form.Files, ConcernChannels.Web, ConcernStore.ReporterActor, null, ct);
                return new SeeOther(ConcernsApi.FollowUpPath(created.FollowUpToken) + "?new=1");
            }
            catch (ConcernValidationException e) { form = form.With(t, e.Errors, options.MaxTextLength); }
        }
        return FormPage(t, form, maxBytes, options.MaxFiles, StatusCodes.Status400BadRequest);
    }

    private static IResult FormPage(ConcernTexts t, ReporterForm form, long maxBytes, int maxFiles, int status = StatusCodes.Status200OK) =>
        PageResult.Of<ConcernFormPage, ConcernFormModel>(new ConcernFormModel(t, form, maxFiles, maxBytes), status);

    /// <summary>The follow-up page is the reporter's secret: no copy is kept by the browser's cache or a proxy.</summary>
    private static IResult ShowFollowUp(HttpContext http, FollowUpModel model, int status = StatusCodes.Status200OK)
    {
        http.Response.Headers.CacheControl = "no-store";
        return PageResult.Of<FollowUpPage, FollowUpModel>(model, status);
    }

    /// <summary>404 for a link that opens nothing: to a browser a page in the reporter's world (no staff links), in their language.</summary>
    private static IResult UnknownLink(HttpRequest request)
    {
        if (!ProblemPages.WantsHtml(request.HttpContext)) return Results.NotFound();
        var t = ConcernTexts.For(request);
        return PageResult.Of<ConcernProblemPage, ConcernProblemModel>(new ConcernProblemModel(t, t.LinkUnknownTitle, t.LinkUnknownText),
            StatusCodes.Status404NotFound);
    }

    public sealed record ReadForm(ConcernInput? Input, IReadOnlyList<ConcernAttachment> Files, Dictionary<string, string[]>? Problem);

    /// <summary>The form's fields and files, the files read only up to the limits (size per file, number of files).</summary>
    public static async Task<ReadForm> ReadFormAsync(HttpRequest request, long maxBytes, int maxFiles, CancellationToken ct)
    {
        if (ConcernAttachments.BodyTooLarge(request.ContentLength, maxBytes, maxFiles))
            return new ReadForm(null, [], new() { ["files"] = [$"The files together are too large: at most {maxFiles} files of {maxBytes / (1024 * 1024.0):0.#} MB each."] });
        if (!request.HasFormContentType)
            return new ReadForm(null, [], new() { ["form"] = ["Send the form as multipart/form-data or application/x-www-form-urlencoded."] });
        var form = await request.ReadFormAsync(ct);
        var files = new List<ConcernAttachment>();
        foreach (var f in form.Files.Where(f => f.Length > 0))
        {
            if (files.Count >= maxFiles) return new ReadForm(null, [], new() { ["files"] = [$"At most {maxFiles} files."] });
            if (f.Length > maxBytes)
                return new ReadForm(null, [], new() { ["files"] = [$"'{ConcernAttachments.SafeName(f.FileName)}' is larger than {maxBytes / (1024 * 1024.0):0.#} MB."] });
            var content = new byte[f.Length];
            await using (var s = f.OpenReadStream()) await s.ReadExactlyAsync(content, ct);
            files.Add(new ConcernAttachment(f.FileName, f.ContentType, content));
        }
        string? V(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        return new ReadForm(ConcernInput.FromForm(V, V("language")), files, null);
    }
}
