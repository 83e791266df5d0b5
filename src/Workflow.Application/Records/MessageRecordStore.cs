using Npgsql;

namespace Workflow.Application.Records;

/// <summary>
/// Writes message records. Records are only ever inserted: the table's trigger refuses UPDATE, DELETE and TRUNCATE, so
/// a stored message is the message as it was, whatever happens to the outbox row or the case afterwards.
/// </summary>
public sealed class MessageRecordStore(NpgsqlDataSource db, TimeProvider clock)
{
    /// <summary>
    /// The record of an outbox message the relay accepted, as a command for the transaction that marks the row sent, so
    /// a row marked sent always has its record. One record per claim: a copy sent again after a crash is a second record.
    /// </summary>
    public static NpgsqlBatchCommand OutboundInsert(Guid? caseId, string kind, long outboxId, int attempt, RecordedMessage message,
        DateTimeOffset sentAt)
    {
        var command = new NpgsqlBatchCommand("""
            insert into workflow.message_records (case_id, direction, kind, outbox_id, attempt, message_id, sent_at, recorded_at,
                                                  subject, from_address, to_addresses, size_bytes, sha256, raw)
            values ($1, 'outbound', $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, $12)
            on conflict do nothing
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)caseId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = outboxId });
        command.Parameters.Add(new NpgsqlParameter { Value = attempt });
        command.Parameters.Add(new NpgsqlParameter { Value = message.MessageId });
        command.Parameters.Add(new NpgsqlParameter { Value = sentAt });
        command.Parameters.Add(new NpgsqlParameter { Value = message.Subject });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)message.From ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = message.To.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = message.SizeBytes });
        command.Parameters.Add(new NpgsqlParameter { Value = message.Sha256 });
        command.Parameters.Add(new NpgsqlParameter { Value = message.Raw });
        return command;
    }

    /// <summary>
    /// Keeps an inbound mail matched to a case, whole (attachments included), once per Message-ID: the intake reads a
    /// mail again after a crash or when a person unflags it, and the first copy stays the record.
    /// </summary>
    /// <param name="kind">A reply unless the intake knows better (a delivery report).</param>
    public async Task KeepInboundAsync(Guid caseId, RecordedMessage message, CancellationToken ct, string kind = MessageDirections.ReplyKind)
    {
        await using var cmd = db.CreateCommand("""
            insert into workflow.message_records (case_id, direction, kind, message_id, sent_at, recorded_at,
                                                  subject, from_address, to_addresses, size_bytes, sha256, raw)
            values (@case, 'inbound', @kind, @messageId, @sentAt, @now, @subject, @from, @to, @size, @sha, @raw)
            on conflict do nothing
            """);
        cmd.Parameters.AddWithValue("case", caseId);
        cmd.Parameters.AddWithValue("kind", kind);
        cmd.Parameters.AddWithValue("messageId", message.MessageId);
        cmd.Parameters.Add(new NpgsqlParameter("sentAt", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)message.Date ?? DBNull.Value });
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        cmd.Parameters.AddWithValue("subject", message.Subject);
        cmd.Parameters.Add(new NpgsqlParameter("from", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)message.From ?? DBNull.Value });
        cmd.Parameters.AddWithValue("to", message.To.ToArray());
        cmd.Parameters.AddWithValue("size", message.SizeBytes);
        cmd.Parameters.AddWithValue("sha", message.Sha256);
        cmd.Parameters.AddWithValue("raw", message.Raw);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
