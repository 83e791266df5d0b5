using Npgsql;

namespace Workflow.Application.Cases;

/// <summary>Something on a case a person should look at, and how often it happened.</summary>
public sealed record CaseNote(string Kind, string Text, DateTimeOffset FirstAt, DateTimeOffset LastAt, int Occurrences);

/// <summary>
/// Notes on a case for a person: what the service refused or could not do by itself. Not a transition (the case does
/// not move), so not in the audit trail; shown on the case page and in the case's API answer.
/// </summary>
public sealed class CaseNotes(NpgsqlDataSource db, TimeProvider clock)
{
    public const string UploadLimitReached = "upload-limit-reached";

    /// <summary>Adds the note, or counts one more occurrence of it with the newest text.</summary>
    public async Task RecordAsync(Guid caseId, string kind, string text, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            insert into workflow.case_notes (case_id, kind, text, first_at, last_at) values (@case, @kind, @text, @now, @now)
            on conflict (case_id, kind) do update
               set text = excluded.text, last_at = excluded.last_at, occurrences = workflow.case_notes.occurrences + 1
            """);
        cmd.Parameters.AddWithValue("case", caseId);
        cmd.Parameters.AddWithValue("kind", kind);
        cmd.Parameters.AddWithValue("text", text);
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<IReadOnlyList<CaseNote>> ForCaseAsync(NpgsqlConnection conn, Guid caseId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "select kind, text, first_at, last_at, occurrences from workflow.case_notes where case_id = @case order by first_at", conn);
        cmd.Parameters.AddWithValue("case", caseId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var notes = new List<CaseNote>();
        while (await r.ReadAsync(ct))
            notes.Add(new CaseNote(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3), r.GetInt32(4)));
        return notes;
    }
}
