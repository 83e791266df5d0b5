using Workflow.Application.Submissions;
using Microsoft.Extensions.Options;
using Workflow.Api.Security;
using Workflow.Cmrt.Reference;
using Workflow.Application.Reference;
using Workflow.Api.Campaigns;
using Workflow.Api.Cases;
using Workflow.Api.Errors;
using Workflow.Api.Escalations;
using Workflow.Api.Extensions;
using Workflow.Api.Health;
using Workflow.Api.Policies;
using Workflow.DevHost.Demo;

namespace Workflow.Api.Reference;

public static class ReferenceListsApi
{
    public static void MapReferenceLists(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reference-lists").RequireAuthorization(AccessPolicies.Read).WithTags("Reference lists");

        api.MapGet("/", (ReferenceListStore store, CancellationToken ct) => store.ListAsync(ct));

        // multipart/form-data: file (CSV, XLSX or an RMI template whose Smelter Look-up is used), version (a name for
        // this import), mergeWithActive=true to add the file's statuses and entries onto the active list.
        api.MapPost("/", async (HttpRequest request, ReferenceListStore store, IOptions<UploadOptions> limits, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
                return Results.Problem(statusCode: 400, title: "Expected a file", detail: "Send multipart/form-data with 'file' and 'version'.");
            var form = await request.ReadFormAsync(ct);
            // RMI's full lists are a few MB; five times the workbook limit leaves room without inviting abuse.
            var result = await ReferenceListUpload.ImportAsync(form.Files.GetFile("file"), form["version"].ToString().Trim(),
                form["mergeWithActive"] == "true", limits.Value.MaxBytes * 5, store, request.HttpContext.ActorOf(), ct);
            if (result.Imported is { } info) return Results.Created($"/api/reference-lists/{info.Id}", info);
            return result.Status == 400 && result.Title == "Expected a file and a version"
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [result.Detail!] })
                : Results.Problem(statusCode: result.Status, title: result.Title, detail: result.Detail);
        }).RequireAuthorization(AccessPolicies.Owner).DisableAntiforgery();
    }
}
