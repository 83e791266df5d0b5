using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;
using Workflow.Cmrt.Model;

namespace Workflow.Application.Submissions;

/// <summary>
/// Each submission's declaration as read when it arrived, kept beside the submission so a re-evaluation checks and
/// assesses it again without reading the workbook (reading is most of an evaluation's cost). Insert-only; the
/// retention purge empties it with the file.
/// </summary>
public static class SubmissionDeclarations
{
    /// <summary>Enums as names, so a stored declaration stays readable when an enum gains a member.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Serialize(CmrtDeclaration declaration) => JsonSerializer.SerializeToUtf8Bytes(declaration, Json);

    public static CmrtDeclaration Deserialize(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<CmrtDeclaration>(utf8, Json) ?? throw new JsonException("A stored declaration was null.");

    /// <summary>Stores the declarations of several submissions in the caller's transaction; one already stored is kept.</summary>
    public static async Task InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        IReadOnlyList<(Guid SubmissionId, Guid CaseId, byte[] Declaration)> rows, DateTimeOffset at, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var cmd = new NpgsqlCommand("""
            insert into workflow.submission_declarations (submission_id, case_id, recorded_at, declaration)
            select u.s, u.c, @at, u.d from unnest(@s, @c, @d) as u(s, c, d)
            on conflict (submission_id) do nothing
            """, conn, tx);
        cmd.Parameters.AddWithValue("s", rows.Select(r => r.SubmissionId).ToArray());
        cmd.Parameters.AddWithValue("c", rows.Select(r => r.CaseId).ToArray());
        cmd.Parameters.AddWithValue("d", NpgsqlDbType.Array | NpgsqlDbType.Bytea, rows.Select(r => r.Declaration).ToArray());
        cmd.Parameters.AddWithValue("at", at);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
