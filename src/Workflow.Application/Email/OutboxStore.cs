using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Workflow.Application.Records;

namespace Workflow.Application.Email;

/// <summary>
/// Claims, completes and reschedules outbox rows. A claim is a lease: the row turns "sending" until
/// <c>next_attempt_at</c>; rows are claimed with <c>for update skip locked</c>, so dispatchers on several instances
/// take disjoint rows, and a dispatcher that dies mid-batch leaves its rows to be claimed again when the lease ends.
/// </summary>
public sealed class OutboxStore(NpgsqlDataSource db, TimeProvider clock)
{
    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(int batch, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var conn = await db.OpenConnectionAsync(ct);
        var claimed = new List<OutboxMessage>();
        await using (var cmd = new NpgsqlCommand("""
            with claimable as (
                select id from workflow.outbox
                 where status in ('pending', 'sending') and next_attempt_at <= @now
                 order by next_attempt_at, id
                 limit @batch
                 for update skip locked
            )
            update workflow.outbox o
               set status = 'sending', next_attempt_at = @leaseUntil, attempts = o.attempts + 1
              from claimable where o.id = claimable.id
            returning o.id, o.case_id, o.kind, o.occurrence, o.data::text, o.attempts
            """, conn))
        {
            cmd.Parameters.AddWithValue("now", now);
            cmd.Parameters.AddWithValue("batch", batch);
            cmd.Parameters.AddWithValue("leaseUntil", now + lease);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                claimed.Add(new OutboxMessage(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetString(2), r.GetString(3),
                    JsonDocument.Parse(r.GetString(4)).RootElement.Clone(), r.GetInt32(5), null));
        }
        if (claimed.Count == 0) return claimed;

        var contexts = await LoadContextsAsync(conn, claimed.Where(m => m.CaseId is not null).Select(m => m.CaseId!.Value).Distinct().ToArray(), ct);
        return claimed.OrderBy(m => m.Id)
            .Select(m => m with { Case = m.CaseId is { } id ? contexts.GetValueOrDefault(id) : null })
            .ToList();
    }

    /// <summary>
    /// Completes the claim this dispatcher holds (same attempt), recording the Message-ID that went out, and stores the
    /// message exactly as sent in the same transaction: a row marked sent always has its record.
    /// </summary>
    /// <remarks>
    /// Committed without waiting for the WAL flush: a killed service loses nothing (the server has the commit), and only
    /// a crash of PostgreSQL itself could forget the last marks, which re-sends those messages with the same Message-ID.
    /// Waiting for the flush would cost a disk sync per e-mail (about 40 ms here, 23 e-mails/s). The record shares the
    /// mark's fate: lost together, the message is sent again and recorded then.
    /// The record is written even when the mark finds the claim gone (the lease ran out and another dispatcher took the
    /// row): the relay has this copy all the same, so it is part of what was sent.
    /// </remarks>
    public async Task MarkSentAsync(OutboxMessage message, RecordedMessage sent, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(conn, tx)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("set local synchronous_commit = off"),
                MessageRecordStore.OutboundInsert(message.CaseId, message.Kind, message.Id, message.Attempts, sent, now),
                new NpgsqlBatchCommand("""
                    update workflow.outbox set status = 'sent', sent_at = $1, message_id = $2, last_error = null
                     where id = $3 and status = 'sending' and attempts = $4
                    """)
                {
                    Parameters =
                    {
                        new NpgsqlParameter { Value = now },
                        new NpgsqlParameter { Value = sent.MessageId },
                        new NpgsqlParameter { Value = message.Id },
                        new NpgsqlParameter { Value = message.Attempts },
                    },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task RetryLaterAsync(IEnumerable<OutboxMessage> messages, string error, TimeSpan firstDelay, TimeSpan maxDelay, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var batch = db.CreateBatch();
        foreach (var m in messages)
        {
            // Exponential backoff per message, so a long outage costs few attempts and nothing is dropped.
            var delay = TimeSpan.FromTicks(Math.Min(maxDelay.Ticks, firstDelay.Ticks * (1L << Math.Min(m.Attempts - 1, 20))));
            var command = new NpgsqlBatchCommand("""
                update workflow.outbox set status = 'pending', next_attempt_at = @next, last_error = @error
                 where id = @id and status = 'sending' and attempts = @attempts
                """);
            command.Parameters.AddWithValue("next", now + delay);
            command.Parameters.AddWithValue("error", error);
            command.Parameters.AddWithValue("id", m.Id);
            command.Parameters.AddWithValue("attempts", m.Attempts);
            batch.BatchCommands.Add(command);
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Nobody to send it to (e.g. no management recipients configured): recorded, not retried.</summary>
    public async Task SkipAsync(OutboxMessage message, string why, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("update workflow.outbox set status = 'skipped', last_error = @why where id = @id and status = 'sending'");
        cmd.Parameters.AddWithValue("why", why);
        cmd.Parameters.AddWithValue("id", message.Id);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Enqueues a message that belongs to no case (the daily digest), once per occurrence.</summary>
    public async Task<bool> EnqueueAsync(string kind, string occurrence, object data, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await EnqueueAsync(conn, null, kind, occurrence, data, clock.GetUtcNow(), ct);
    }

    /// <summary>The same inside the caller's transaction, so the message exists exactly when the change that caused it does.</summary>
    public static async Task<bool> EnqueueAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string kind, string occurrence, object data,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into workflow.outbox (case_id, kind, occurrence, data, created_at, next_attempt_at)
            values (null, @kind, @occurrence, @data, @now, @now)
            on conflict do nothing
            """, conn, tx);
        cmd.Parameters.AddWithValue("kind", kind);
        cmd.Parameters.AddWithValue("occurrence", occurrence);
        cmd.Parameters.AddWithValue("data", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(data));
        cmd.Parameters.AddWithValue("now", now);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    private static async Task<Dictionary<Guid, CaseContext>> LoadContextsAsync(NpgsqlConnection conn, Guid[] caseIds, CancellationToken ct)
    {
        var map = new Dictionary<Guid, CaseContext>();
        if (caseIds.Length == 0) return map;
        await using var cmd = new NpgsqlCommand("""
            select c.id, c.reference, c.stage, s.name, s.email, s.contact_name, s.language, k.name, k.response_due_date,
                   c.escalated_at, c.escalation_reason,
                   -- A contact whose address bounced for good is left off the Cc until the bounce is resolved; the
                   -- primary stays To whatever happened, so a failure there keeps showing.
                   array(select e from unnest(s.contact_emails) with ordinality as x(e, n)
                          where not exists (select 1 from workflow.contact_bounces b
                                             where b.supplier_id = s.id and b.resolved_at is null and lower(b.email) = lower(x.e))
                          order by x.n),
                   c.extended_to
              from workflow.cases c
              join workflow.suppliers s on s.id = c.supplier_id
              join workflow.campaigns k on k.id = c.campaign_id
             where c.id = any(@ids)
            """, conn);
        cmd.Parameters.AddWithValue("ids", caseIds);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            map[r.GetGuid(0)] = new CaseContext(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.GetString(7), r.GetFieldValue<DateOnly>(8),
                r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9), r.IsDBNull(10) ? null : r.GetString(10))
            {
                OtherContacts = r.GetFieldValue<string[]>(11),
                ExtendedTo = r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12),
            };
        return map;
    }
}
