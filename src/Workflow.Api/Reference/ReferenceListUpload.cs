using Workflow.Application.Reference;
using Workflow.Cmrt.Reference;

namespace Workflow.Api.Reference;

/// <summary>The outcome of an upload: the stored list, or an HTTP status with a title and a detail for the person.</summary>
public sealed record ReferenceListUploadResult(ReferenceListInfo? Imported, int Status, string? Title, string? Detail);

/// <summary>
/// Imports an uploaded smelter reference list (CSV, XLSX or an RMI template's Smelter Look-up), optionally merged
/// onto the active list: the one path of the API (POST /api/reference-lists) and the settings page's import form.
/// </summary>
public static class ReferenceListUpload
{
    public static async Task<ReferenceListUploadResult> ImportAsync(IFormFile? file, string version, bool mergeWithActive, long maxBytes,
        ReferenceListStore store, string actor, CancellationToken ct)
    {
        if (file is null || version.Length == 0)
            return new(null, 400, "Expected a file and a version", "Send the list as 'file' and name the import in 'version', e.g. \"RMI 2026-10\".");
        if (file.Length > maxBytes)
            return new(null, 413, "File too large", $"Reference lists must be at most {maxBytes / 1024 / 1024} MB.");

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
            return new(null, 400, "Unreadable reference list", ex.Message.Replace(temp, file.FileName));
        }
        finally
        {
            File.Delete(temp);
        }
        var list = mergeWithActive
            ? SmelterReferenceMerger.Merge(version, [store.Active(), imported])
            : new SmelterReferenceList(version, imported.All);
        try
        {
            return new(await store.ImportAsync(list, file.FileName, actor, ct), 201, null, null);
        }
        catch (InvalidOperationException ex)
        {
            return new(null, 409, "Version already imported", ex.Message);
        }
        catch (ArgumentException ex)
        {
            return new(null, 400, "Empty reference list", ex.Message);
        }
    }
}
