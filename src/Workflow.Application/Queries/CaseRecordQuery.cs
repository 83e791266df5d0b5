using System.Text.Json;
using Npgsql;

namespace Workflow.Application.Queries;

/// <param name="Arguments">The values the finding's text was made from, so it can be said in the supplier's language.</param>
public sealed record FindingLine(string Code, string Severity, string Location, string Message, string Rule, string? Because, string? Cid,
    IReadOnlyDictionary<string, string>? Arguments = null);

public sealed record SubmissionEvaluation(Guid SubmissionId, string? Determination, string? PolicyVersion, string? ReferenceListVersion,
    IReadOnlyList<FindingLine> Findings);

/// <summary>A submission evaluated again by a re-evaluation run; the evaluation it arrived with stays beside it.</summary>
public sealed record SubmissionReevaluation(Guid SubmissionId, Guid RunId, DateTimeOffset At, string Actor, string Cause, string OutcomeBefore,
    string OutcomeAfter, IReadOnlyList<string> Reasons, SubmissionEvaluation Evaluation);

public sealed record EmailSent(string Kind, string Occurrence, string Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, int Attempts, string? LastError);

public sealed record StoredSubmission(Guid Id, DateTimeOffset ReceivedAt, string Channel, string SubmittedBy, string FileName, string? ContentType,
    string Sha256, string Outcome, string EvaluationJson, byte[] Content);

/// <summary>What the case page and the auditor's export read beyond <see cref="Cases.CaseQueries"/>: findings, e-mails, files.</summary>
public sealed class CaseRecordQuery(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<SubmissionEvaluation>> EvaluationsAsync(Guid caseId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select id, evaluation from workflow.submissions where case_id = @id order by received_at");
        cmd.Parameters.AddWithValue("id", caseId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<SubmissionEvaluation>();
        while (await r.ReadAsync(ct)) list.Add(Parse(r.GetGuid(0), r.GetString(1)));
        return list;
    }

    /// <summary>The case's re-evaluations, oldest first.</summary>
    public async Task<IReadOnlyList<SubmissionReevaluation>> ReevaluationsAsync(Guid caseId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select submission_id, run_id, at, actor, cause, outcome_before, outcome_after, reasons::text, evaluation::text
              from workflow.reevaluations where case_id = @id order by at, id
            """);
        cmd.Parameters.AddWithValue("id", caseId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<SubmissionReevaluation>();
        while (await r.ReadAsync(ct))
            list.Add(new SubmissionReevaluation(r.GetGuid(0), r.GetGuid(1), r.GetFieldValue<DateTimeOffset>(2), r.GetString(3), r.GetString(4),
                r.GetString(5), r.GetString(6), JsonSerializer.Deserialize<List<string>>(r.GetString(7)) ?? [], Parse(r.GetGuid(0), r.GetString(8))));
        return list;
    }

    public static SubmissionEvaluation Parse(Guid submissionId, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var findings = new List<FindingLine>();
        if (root.TryGetProperty("findings", out var array) && array.ValueKind == JsonValueKind.Array)
            foreach (var f in array.EnumerateArray())
                findings.Add(new FindingLine(Text(f, "code") ?? "", Text(f, "severity") ?? "", Text(f, "location") ?? "", Text(f, "message") ?? "",
                    Text(f, "rule") ?? "", Text(f, "because"), Text(f, "cid"), ArgumentsOf(f)));
        return new SubmissionEvaluation(submissionId, Text(root, "determination"), Text(root, "policyVersion"), Text(root, "referenceListVersion"), findings);
    }

    /// <summary>
    /// The e-mails sent about the case from the follow-up outbox. Before that table exists (or if its shape differs)
    /// the page simply shows none, rather than failing.
    /// </summary>
    public async Task<IReadOnlyList<EmailSent>> EmailsAsync(Guid caseId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using (var exists = new NpgsqlCommand("select to_regclass('workflow.outbox') is not null", conn))
            if (await exists.ExecuteScalarAsync(ct) is not true) return [];
        try
        {
            await using var cmd = new NpgsqlCommand("""
                select kind, occurrence, status, created_at, sent_at, attempts, last_error
                  from workflow.outbox where case_id = @id order by id
                """, conn);
            cmd.Parameters.AddWithValue("id", caseId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            var list = new List<EmailSent>();
            while (await r.ReadAsync(ct))
                list.Add(new EmailSent(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3),
                    r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4), r.GetInt32(5), r.IsDBNull(6) ? null : r.GetString(6)));
            return list;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.UndefinedTable)
        {
            return [];
        }
    }

    /// <summary>Every submission with its stored evaluation and the file exactly as received, for the export.</summary>
    public async Task<IReadOnlyList<StoredSubmission>> SubmissionsWithFilesAsync(Guid caseId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select id, received_at, channel, submitted_by, file_name, content_type, sha256, outcome, evaluation::text, content
              from workflow.submissions where case_id = @id order by received_at
            """);
        cmd.Parameters.AddWithValue("id", caseId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<StoredSubmission>();
        while (await r.ReadAsync(ct))
            list.Add(new StoredSubmission(r.GetGuid(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetFieldValue<byte[]>(9)));
        return list;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => v.ToString(),
        } : null;

    /// <summary>A stored finding's <c>arguments</c> object (the values its text was made from), or null for an older finding without them.</summary>
    public static Dictionary<string, string>? ArgumentsOf(JsonElement finding) =>
        finding.TryGetProperty("arguments", out var a) && a.ValueKind == JsonValueKind.Object
            ? a.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.ToString(), StringComparer.Ordinal)
            : null;
}
