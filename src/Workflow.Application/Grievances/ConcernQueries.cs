using Npgsql;
using Workflow.Domain.Grievances;
using Workflow.StateMachines.Grievances;

namespace Workflow.Application.Grievances;

/// <summary>Reads concerns for the triage queue, one concern's page and the reporter's follow-up page.</summary>
public sealed class ConcernQueries(NpgsqlDataSource db, TimeProvider clock)
{
    /// <summary>Open concerns first (oldest due first), then closed ones, newest first.</summary>
    public async Task<IReadOnlyList<ConcernSummary>> ListAsync(ConcernState? state, int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select c.id, c.reference, c.state, c.channel, c.smelter, c.supplier, c.country, c.metal, c.received_at, c.touched_at, c.due_at,
                   (c.reporter_name is not null or c.reporter_email is not null or c.reporter_phone is not null),
                   (select count(*) from workflow.concern_links l where l.concern_id = c.id)::int,
                   (select count(*) from workflow.concern_messages m where m.concern_id = c.id)::int
              from workflow.concerns c
             where (@state::text is null or c.state = @state)
             order by (c.closed_at is not null), case when c.closed_at is null then c.due_at end, c.received_at desc
             limit @limit
            """);
        cmd.Parameters.AddWithValue("state", NpgsqlTypes.NpgsqlDbType.Text, (object?)state?.ToWire() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("limit", limit);
        var now = clock.GetUtcNow();
        var list = new List<ConcernSummary>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            var due = r.IsDBNull(10) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(10);
            list.Add(new ConcernSummary(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3),
                ConcernSubjects.Describe(S(4), S(5), S(6), S(7)), ConcernSubjects.Of(S(4), S(5), S(6), S(7)),
                r.GetFieldValue<DateTimeOffset>(8), r.GetFieldValue<DateTimeOffset>(9), due, due <= now, r.GetBoolean(11), r.GetInt32(12), r.GetInt32(13)));
        }
        return list;
    }

    /// <param name="withReporter">Only for compliance owners: the reporter's name, e-mail and phone.</param>
    public async Task<ConcernDetail?> DetailAsync(Guid id, bool withReporter, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        ConcernDetail? detail = null;
        await using (var cmd = new NpgsqlCommand("""
            select reference, state, channel, description, smelter, supplier, country, metal, occurred, language, received_at,
                   first_response_at, touched_at, due_at, closed_at, outcome_reason, version, reporter_name, reporter_email, reporter_phone
              from workflow.concerns where id = @id
            """, conn))
        {
            cmd.Parameters.AddWithValue("id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return null;
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            DateTimeOffset? T(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
            var state = ConcernStates.FromWire(r.GetString(1));
            var named = S(17) is not null || S(18) is not null || S(19) is not null;
            detail = new ConcernDetail(id, r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), S(4), S(5), S(6), S(7), S(8), r.GetString(9),
                r.GetFieldValue<DateTimeOffset>(10), T(11), r.GetFieldValue<DateTimeOffset>(12), T(13), T(14), S(15), r.GetInt32(16), named,
                withReporter && named ? new ConcernReporter(S(17), S(18), S(19)) : null,
                ConcernWorkflow.Next(state).Select(s => s.ToWire()).ToList(), [], [], [], []);
        }
        var files = await FilesAsync(conn, id, ct);
        var messages = new List<ConcernMessageView>();
        await using (var cmd = new NpgsqlCommand("select id, at, direction, author, body from workflow.concern_messages where concern_id = @id order by seq", conn))
        {
            cmd.Parameters.AddWithValue("id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var mid = r.GetGuid(0);
                messages.Add(new ConcernMessageView(mid, r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3), r.GetString(4),
                    files.Where(f => f.MessageId == mid).Select(f => f.View).ToList()));
            }
        }
        var links = new List<ConcernLinkView>();
        await using (var cmd = new NpgsqlCommand("""
            select l.id, l.cid, l.supplier_id, s.name, l.case_id, k.reference, l.substantiated, l.draft_version, l.at, l.actor
              from workflow.concern_links l
              left join workflow.suppliers s on s.id = l.supplier_id
              left join workflow.cases k on k.id = l.case_id
             where l.concern_id = @id order by l.id
            """, conn))
        {
            cmd.Parameters.AddWithValue("id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var kind = !r.IsDBNull(1) ? "smelter" : !r.IsDBNull(2) ? "supplier" : "case";
                links.Add(new ConcernLinkView(r.GetInt64(0), kind, r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetGuid(2),
                    r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetGuid(4), r.IsDBNull(5) ? null : r.GetString(5),
                    r.GetBoolean(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetFieldValue<DateTimeOffset>(8), r.GetString(9)));
            }
        }
        var audit = new List<ConcernAuditView>();
        await using (var cmd = new NpgsqlCommand("""
            select id, at, actor, action, from_state, to_state, reason, definition_version from workflow.concern_audit where concern_id = @id order by id
            """, conn))
        {
            cmd.Parameters.AddWithValue("id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                audit.Add(new ConcernAuditView(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7)));
        }
        return detail! with { Files = files.Select(f => f.View).ToList(), Messages = messages, Links = links, Audit = audit };
    }

    /// <summary>What the secret link shows the reporter.</summary>
    public async Task<ReporterView?> ReporterViewAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        ReporterView? view;
        await using (var cmd = new NpgsqlCommand("select reference, state, received_at, description, language from workflow.concerns where id = @id", conn))
        {
            cmd.Parameters.AddWithValue("id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return null;
            view = new ReporterView(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetString(3), r.GetString(4), []);
        }
        var files = await FilesAsync(conn, id, ct);
        var messages = new List<ReporterMessage>();
        await using (var cmd = new NpgsqlCommand("select id, at, direction, body from workflow.concern_messages where concern_id = @id order by seq", conn))
        {
            cmd.Parameters.AddWithValue("id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var mid = r.GetGuid(0);
                // Who of ours wrote a reply is not the reporter's business: replies come from "us".
                messages.Add(new ReporterMessage(r.GetFieldValue<DateTimeOffset>(1), r.GetString(2) == "to-reporter", r.GetString(3),
                    files.Where(f => f.MessageId == mid).Select(f => f.View.FileName).ToList()));
            }
        }
        return view with { Messages = messages };
    }

    /// <summary>One attached file's bytes, for an investigator's download.</summary>
    public async Task<(ConcernFileView File, byte[] Content)?> FileAsync(Guid concernId, Guid fileId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select file_name, content_type, size_bytes, sha256, received_at, content from workflow.concern_files where concern_id = @c and id = @f
            """);
        cmd.Parameters.AddWithValue("c", concernId);
        cmd.Parameters.AddWithValue("f", fileId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return (new ConcernFileView(fileId, r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4)),
            r.GetFieldValue<byte[]>(5));
    }

    private sealed record StoredFile(Guid? MessageId, ConcernFileView View);

    private static async Task<List<StoredFile>> FilesAsync(NpgsqlConnection conn, Guid id, CancellationToken ct)
    {
        var files = new List<StoredFile>();
        await using var cmd = new NpgsqlCommand("""
            select id, message_id, file_name, content_type, size_bytes, sha256, received_at from workflow.concern_files where concern_id = @id order by received_at, id
            """, conn);
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            files.Add(new StoredFile(r.IsDBNull(1) ? null : r.GetGuid(1),
                new ConcernFileView(r.GetGuid(0), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5), r.GetFieldValue<DateTimeOffset>(6))));
        return files;
    }
}
