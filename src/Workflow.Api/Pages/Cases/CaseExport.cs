using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Workflow.Cmrt.Reading;
using Workflow.Application.Cases;
using Workflow.Application.Queries;
using Workflow.Application.Submissions;

namespace Workflow.Api.Pages.Cases;

/// <summary>
/// <c>GET /cases/{id}/export</c>: an auditor's ZIP of the case's full record: case.json (case, audit history,
/// submissions), each submission's stored evaluation, and each original file exactly as received (with its SHA-256).
/// </summary>
public static class CaseExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void MapCaseExport(this IEndpointRouteBuilder pages) =>
        pages.MapGet("/cases/{id:guid}/export", async (Guid id, CaseQueries cases, CaseRecordQuery records, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var detail = await cases.GetAsync(id, ct) ?? throw new NotFoundException("Case", id);
            var submissions = await records.SubmissionsWithFilesAsync(id, ct);
            var emails = await records.EmailsAsync(id, ct);
            var paths = submissions.Select((s, i) => FilePath(i, s)).ToList();
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                Write(zip, "case.json", JsonSerializer.Serialize(new
                {
                    exportedAt = clock.GetUtcNow(),
                    exportedBy = http.User.Identity?.Name,
                    @case = detail,
                    emails,
                    files = submissions.Select((s, i) => new { s.Id, path = paths[i], receivedAs = s.FileName, s.Sha256 }),
                }, Json));
                for (var i = 0; i < submissions.Count; i++)
                {
                    var s = submissions[i];
                    Write(zip, $"submissions/{i + 1:00}-evaluation.json", s.EvaluationJson);
                    var entry = zip.CreateEntry(paths[i], CompressionLevel.Optimal);
                    await using var stream = entry.Open();
                    await stream.WriteAsync(s.Content, ct);
                }
            }
            return Results.File(buffer.ToArray(), "application/zip", $"case-{detail.Reference}.zip");
        });

    // Entry names come from safe parts only: an uploader's "..\\..\\tmp\\x.xlsx" must not become a path when unzipped.
    private static string FilePath(int index, StoredSubmission s) =>
        $"submissions/{index + 1:00}-{SafeFileName.For(s.FileName, FileRecognition.Recognise(s.Content).Extension)}";

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
