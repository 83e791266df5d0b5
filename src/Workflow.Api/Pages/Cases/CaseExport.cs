using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Workflow.Cmrt.Reading;
using Workflow.Application.Cases;
using Workflow.Application.Queries;
using Workflow.Application.Records;
using Workflow.Application.Submissions;

namespace Workflow.Api.Pages.Cases;

/// <summary>
/// <c>GET /cases/{id}/export</c>: an auditor's ZIP of the case's full record: case.json (case, audit history,
/// submissions), each submission's stored evaluation, each original file exactly as received (with its SHA-256), and
/// each message exactly as sent or received (messages/NN-direction-kind.eml).
/// </summary>
public static class CaseExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void MapCaseExport(this IEndpointRouteBuilder pages) =>
        pages.MapGet("/cases/{id:guid}/export", async (Guid id, CaseQueries cases, CaseRecordQuery records, MessageRecordQuery messageRecords, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var detail = await cases.GetAsync(id, ct) ?? throw new NotFoundException("Case", id);
            var submissions = await records.SubmissionsWithFilesAsync(id, ct);
            var emails = await records.EmailsAsync(id, ct);
            var paths = submissions.Select((s, i) => FilePath(i, s)).ToList();
            var messages = await messageRecords.ForCaseAsync(id, ct) ?? [];
            var messagePaths = messages.Select((m, i) => $"messages/{i + 1:00}-{m.Direction}-{m.Kind}.eml").ToList();
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
                    messages = messages.Select((m, i) => new { m.Id, path = messagePaths[i], m.Kind, m.Direction, m.SentAt, m.RecordedAt, m.Subject, m.From, m.To, m.MessageId, m.Sha256 }),
                }, Json));
                for (var i = 0; i < submissions.Count; i++)
                {
                    var s = submissions[i];
                    Write(zip, $"submissions/{i + 1:00}-evaluation.json", s.EvaluationJson);
                    var entry = zip.CreateEntry(paths[i], CompressionLevel.Optimal);
                    await using var stream = entry.Open();
                    await stream.WriteAsync(s.Content, ct);
                }
                for (var i = 0; i < messages.Count; i++)
                {
                    var raw = await messageRecords.RawAsync(messages[i].Id, ct) ?? throw new NotFoundException("Message", messages[i].Id);
                    var entry = zip.CreateEntry(messagePaths[i], CompressionLevel.Optimal);
                    await using var stream = entry.Open();
                    await stream.WriteAsync(raw.Content, ct);
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
