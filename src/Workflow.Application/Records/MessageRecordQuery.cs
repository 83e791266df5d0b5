using Npgsql;

namespace Workflow.Application.Records;

/// <summary>What the case page, the auditor's export and the messages API read of the stored messages.</summary>
public sealed class MessageRecordQuery(NpgsqlDataSource db)
{
    /// <summary>Every message of the case, sent and received, oldest first; null when there is no such case.</summary>
    public async Task<IReadOnlyList<MessageRecordSummary>?> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using (var exists = new NpgsqlCommand("select exists(select 1 from workflow.cases where id = @id)", conn))
        {
            exists.Parameters.AddWithValue("id", caseId);
            if (await exists.ExecuteScalarAsync(ct) is not true) return null;
        }
        await using var cmd = new NpgsqlCommand("""
            select id, kind, direction, sent_at, recorded_at, subject, from_address, to_addresses, message_id, size_bytes, sha256
              from workflow.message_records where case_id = @id
             order by recorded_at, id
            """, conn);
        cmd.Parameters.AddWithValue("id", caseId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<MessageRecordSummary>();
        while (await r.ReadAsync(ct))
            list.Add(new MessageRecordSummary(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3),
                r.GetFieldValue<DateTimeOffset>(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetFieldValue<string[]>(7),
                r.GetString(8), r.GetInt32(9), r.GetString(10)));
        return list;
    }

    public async Task<RawMessage?> RawAsync(long id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select id, case_id, message_id, raw from workflow.message_records where id = @id");
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new RawMessage(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetString(2), r.GetFieldValue<byte[]>(3));
    }
}
