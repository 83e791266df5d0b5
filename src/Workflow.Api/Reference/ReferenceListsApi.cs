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
            var file = form.Files.GetFile("file");
            var version = form["version"].ToString().Trim();
            if (file is null || version.Length == 0)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send the list as 'file' and name the import in 'version', e.g. \"RMI 2026-10\"."] });
            // RMI's full lists are a few MB; five times the workbook limit leaves room without inviting abuse.
            var max = limits.Value.MaxBytes * 5;
            if (file.Length > max)
                return Results.Problem(statusCode: 413, title: "File too large", detail: $"Reference lists must be at most {max / 1024 / 1024} MB.");

            var extension = Path.GetExtension(file.FileName) is { Length: > 0 and < 6 } e ? e : ".csv";
            var temp = Path.Combine(Path.GetTempPath(), $"reference-{Guid.NewGuid():N}{extension}");
            SmelterReferenceList imported;
            try
            {
                await using (var target = File.Create(temp)) await file.CopyToAsync(target, ct);
                imported = GenericReferenceImporter.Load(temp);
            }
            catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException)
            {
                return Results.Problem(statusCode: 400, title: "Unreadable reference list", detail: ex.Message.Replace(temp, file.FileName));
            }
            finally
            {
                File.Delete(temp);
            }
            var list = form["mergeWithActive"] == "true"
                ? SmelterReferenceMerger.Merge(version, [store.Active(), imported])
                : new SmelterReferenceList(version, imported.All);
            try
            {
                var info = await store.ImportAsync(list, file.FileName, request.HttpContext.ActorOf(), ct);
                return Results.Created($"/api/reference-lists/{info.Id}", info);
            }
            catch (InvalidOperationException ex)
            {
                return Results.Problem(statusCode: 409, title: "Version already imported", detail: ex.Message);
            }
        }).RequireAuthorization(AccessPolicies.Owner).DisableAntiforgery();
    }
}
