using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Workflow.Application.Queries;
using Workflow.Application.Submissions;
using Workflow.Cmrt.Model;

namespace Workflow.Application.Declared;

/// <summary>
/// Reads the declarations stored with a case's submissions and their current evaluations, every asked-for submission in
/// one query (a page reads one or two, never one query per row).
/// </summary>
public sealed class DeclaredSubmissionQuery(NpgsqlDataSource db)
{
    /// <summary>The asked-for submissions of the case, oldest first; ids of other cases are ignored.</summary>
    public async Task<IReadOnlyList<DeclaredSubmission>> GetAsync(Guid caseId, IReadOnlyCollection<Guid> submissionIds, CancellationToken ct)
    {
        if (submissionIds.Count == 0) return [];
        // The stored declaration unless purged; a submission older than stored declarations falls back to the copy in
        // its first evaluation, unless its file was purged (then that copy counts as supplier content gone too).
        await using var cmd = db.CreateCommand("""
            select s.id, s.received_at, s.file_name, e.outcome, (e.evaluation - 'declaration')::text, e.reevaluated_at,
                   case when d.purged_at is null then d.declaration end,
                   d.purged_at, s.purged_at,
                   case when d.submission_id is null and s.purged_at is null then (s.evaluation -> 'declaration')::text end
              from workflow.submissions s
              cross join lateral workflow.current_evaluation(s.id) e
              left join workflow.submission_declarations d on d.submission_id = s.id
             where s.case_id = @case and s.id = any(@ids)
             order by s.received_at, s.id
            """);
        cmd.Parameters.AddWithValue("case", caseId);
        cmd.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, submissionIds.ToArray());
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<DeclaredSubmission>();
        while (await r.ReadAsync(ct))
        {
            var id = r.GetGuid(0);
            var evaluationJson = r.GetString(4);
            var stored = r.IsDBNull(6) ? null : r.GetFieldValue<byte[]>(6);
            DateTimeOffset? declarationPurged = r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7);
            DateTimeOffset? filePurged = r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8);
            var legacy = r.IsDBNull(9) ? null : r.GetString(9);
            var (declaration, absence) = Declaration(stored, legacy, declarationPurged ?? filePurged);
            list.Add(new DeclaredSubmission(id, r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3), declaration, absence,
                CaseRecordQuery.Parse(id, evaluationJson), Smelters(evaluationJson), r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5)));
        }
        return list;
    }

    private static (CmrtDeclaration?, string?) Declaration(byte[]? stored, string? legacy, DateTimeOffset? purgedAt)
    {
        if (stored is { Length: > 0 }) return (SubmissionDeclarations.Deserialize(stored), null);
        if (legacy is { } json && json != "null") return (JsonSerializer.Deserialize<CmrtDeclaration>(json, SubmissionDeclarations.Json), null);
        if (purgedAt is { } at)
            return (null, $"The file and what it declared were deleted under the retention policy on {at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; the findings below are kept.");
        return (null, "The file could not be read, so there is no declared content to show; the findings below say why.");
    }

    private static IReadOnlyList<AssessedSmelter> Smelters(string evaluationJson)
    {
        using var doc = JsonDocument.Parse(evaluationJson);
        if (!doc.RootElement.TryGetProperty("smelters", out var array) || array.ValueKind != JsonValueKind.Array) return [];
        var list = new List<AssessedSmelter>(array.GetArrayLength());
        foreach (var s in array.EnumerateArray())
            list.Add(new AssessedSmelter(Text(s, "metal") ?? "", Text(s, "name"), Text(s, "country"), Text(s, "cid"), Text(s, "status") ?? "unknown",
                s.TryGetProperty("redFlag", out var f) && f.ValueKind == JsonValueKind.True));
        return list;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
