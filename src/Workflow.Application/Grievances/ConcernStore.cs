using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Workflow.Application.Cases;
using Workflow.Application.Email;
using Workflow.Application.Submissions;
using Workflow.Domain.Grievances;
using Workflow.StateMachines.Grievances;

namespace Workflow.Application.Grievances;

/// <summary>A stored concern: its reference, and the secret token of the reporter's follow-up link (given once).</summary>
public sealed record NewConcern(Guid Id, string Reference, string FollowUpToken);

/// <summary>
/// Every change of a concern: intake, transitions, replies, the reporter's additions and the untouched-concern timer.
/// Each one is a single transaction with its audit entry and the officers' e-mail (outbox); moves are guarded by the
/// concern's version, so two investigators acting at once cannot both win.
/// </summary>
public sealed class ConcernStore(NpgsqlDataSource db, TimeProvider clock, GrievanceDefinition definition, IOptionsMonitor<GrievanceOptions> options,
    IOptionsMonitor<UploadOptions> uploads, IConcernTimers timers, ILogger<ConcernStore> logger)
{
    public const string ReporterActor = "reporter";

    /// <summary>Validates and stores a new concern with its files, and tells the officers.</summary>
    /// <param name="actor">Who took it in: "reporter" for the public page, the API key for the hotline, "mailbox" for mail.
    /// Never a network address.</param>
    /// <exception cref="ConcernValidationException">Nothing was stored.</exception>
    public async Task<NewConcern> CreateAsync(ConcernInput input, IReadOnlyList<ConcernAttachment> files, string defaultChannel, string actor,
        string? messageId, CancellationToken ct)
    {
        var errors = input.Validate(options.CurrentValue.MaxTextLength);
        AddFileErrors(files, errors);
        if (errors.Count > 0) throw new ConcernValidationException(errors);
        var c = input.Normalised(defaultChannel);

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var token = NewToken();
        var due = now + definition.Untouched;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        string reference;
        await using (var insert = new NpgsqlCommand("""
            insert into workflow.concerns (id, channel, state, description, smelter, supplier, country, metal, occurred, language,
                reporter_name, reporter_email, reporter_phone, follow_up_hash, received_at, touched_at, due_at, message_id)
            values (@id, @channel, 'received', @description, @smelter, @supplier, @country, @metal, @occurred, @language,
                @name, @email, @phone, @hash, @now, @now, @due, @messageId)
            returning reference
            """, conn, tx))
        {
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("channel", c.Channel!);
            insert.Parameters.AddWithValue("description", c.Description!);
            insert.Parameters.AddWithValue("smelter", (object?)c.Smelter ?? DBNull.Value);
            insert.Parameters.AddWithValue("supplier", (object?)c.Supplier ?? DBNull.Value);
            insert.Parameters.AddWithValue("country", (object?)c.Country ?? DBNull.Value);
            insert.Parameters.AddWithValue("metal", (object?)c.Metal ?? DBNull.Value);
            insert.Parameters.AddWithValue("occurred", (object?)c.Occurred ?? DBNull.Value);
            insert.Parameters.AddWithValue("language", c.Language!);
            insert.Parameters.AddWithValue("name", (object?)c.ReporterName ?? DBNull.Value);
            insert.Parameters.AddWithValue("email", (object?)c.ReporterEmail ?? DBNull.Value);
            insert.Parameters.AddWithValue("phone", (object?)c.ReporterPhone ?? DBNull.Value);
            insert.Parameters.AddWithValue("hash", HashOf(token));
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("due", due);
            insert.Parameters.AddWithValue("messageId", (object?)messageId ?? DBNull.Value);
            reference = (string)(await insert.ExecuteScalarAsync(ct))!;
        }
        await InsertFilesAsync(conn, tx, id, null, files, now, ct);
        await AuditAsync(conn, tx, id, now, actor, "received", null, ConcernState.Received, null,
            new { channel = c.Channel, anonymous = c.IsAnonymous, files = files.Count }, ct);
        await EnqueueAsync(conn, tx, ConcernMessages.Received, reference, Notice(id, reference, c, now), now, ct);
        await tx.CommitAsync(ct);
        ScheduleQuietly(id, 0, due);
        logger.LogInformation("Concern {Reference} received by {Channel}", reference, c.Channel);
        return new NewConcern(id, reference, token);
    }

    /// <summary>Moves a concern (a person of ours, with a reason); returns the state it is in now.</summary>
    /// <exception cref="IllegalConcernTransitionException">The machine does not allow the move; nothing changed.</exception>
    public async Task<ConcernState> TransitionAsync(Guid id, ConcernState to, string reason, string actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ConcernValidationException(new() { ["reason"] = ["Say why (it goes into the audit trail)."] });
        var now = clock.GetUtcNow();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var current = await LockAsync(conn, tx, id, ct);
        var machine = new ConcernWorkflow(current.State);
        machine.MoveTo(to);
        var closed = to.IsClosed();
        DateTimeOffset? due = closed ? null : now + definition.Untouched;
        await using (var update = new NpgsqlCommand("""
            update workflow.concerns set state = @state, touched_at = @now, first_response_at = coalesce(first_response_at, @now),
                   due_at = @due, closed_at = @closedAt, outcome_reason = @outcome, version = version + 1
             where id = @id
            """, conn, tx))
        {
            update.Parameters.AddWithValue("state", to.ToWire());
            update.Parameters.AddWithValue("now", now);
            update.Parameters.AddWithValue("due", NpgsqlDbType.TimestampTz, (object?)due ?? DBNull.Value);
            update.Parameters.AddWithValue("closedAt", NpgsqlDbType.TimestampTz, closed ? now : DBNull.Value);
            update.Parameters.AddWithValue("outcome", closed ? reason.Trim() : DBNull.Value);
            update.Parameters.AddWithValue("id", id);
            await update.ExecuteNonQueryAsync(ct);
        }
        await AuditAsync(conn, tx, id, now, actor, "transition", current.State, to, reason.Trim(), null, ct);
        await tx.CommitAsync(ct);
        if (due is { } d) ScheduleQuietly(id, current.Version + 1, d);
        return to;
    }

    /// <summary>A reply to the reporter, read through the secret link. Counts as a response: the timer starts over.</summary>
    public async Task ReplyAsync(Guid id, string body, string actor, CancellationToken ct)
    {
        CheckText(body, "body");
        var now = clock.GetUtcNow();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var current = await LockAsync(conn, tx, id, ct);
        var messageId = Guid.CreateVersion7(now);
        await InsertMessageAsync(conn, tx, messageId, id, now, "to-reporter", actor, body.Trim(), ct);
        // A reporter who gave an address hears that a reply waits; the address goes to the outbox row and nowhere else.
        await using (var tell = new NpgsqlCommand("""
            insert into workflow.outbox (case_id, kind, occurrence, data, created_at, next_attempt_at)
            select null, @kind, reference || '/' || @mid, jsonb_build_object('reference', reference, 'to', reporter_email, 'language', language), @now, @now
              from workflow.concerns where id = @id and reporter_email is not null
            on conflict do nothing
            """, conn, tx))
        {
            tell.Parameters.AddWithValue("kind", ConcernMessages.Reply);
            tell.Parameters.AddWithValue("mid", messageId.ToString("N"));
            tell.Parameters.AddWithValue("now", now);
            tell.Parameters.AddWithValue("id", id);
            await tell.ExecuteNonQueryAsync(ct);
        }
        var due = await TouchAsync(conn, tx, id, current.State, now, ct);
        await AuditAsync(conn, tx, id, now, actor, "replied", current.State, current.State, null, new { message = messageId }, ct);
        await tx.CommitAsync(ct);
        if (due is { } d) ScheduleQuietly(id, current.Version + 1, d);
    }

    /// <summary>
    /// A person of ours acted on the concern without moving it (a reply, a link): it counts as a response, and the
    /// untouched clock of an open concern starts over. Returns the new due time, for <see cref="ScheduleQuietly"/> after commit.
    /// </summary>
    internal async Task<DateTimeOffset?> TouchAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, ConcernState state, DateTimeOffset now,
        CancellationToken ct)
    {
        DateTimeOffset? due = state.IsClosed() ? null : now + definition.Untouched;
        await using var update = new NpgsqlCommand("""
            update workflow.concerns set touched_at = @now, first_response_at = coalesce(first_response_at, @now), due_at = @due,
                   version = version + 1
             where id = @id
            """, conn, tx);
        update.Parameters.AddWithValue("now", now);
        update.Parameters.AddWithValue("due", NpgsqlDbType.TimestampTz, (object?)due ?? DBNull.Value);
        update.Parameters.AddWithValue("id", id);
        await update.ExecuteNonQueryAsync(ct);
        return due;
    }

    /// <summary>The concern the secret token opens, or null (unknown or tampered token: the caller answers 404).</summary>
    public async Task<Guid?> FindByTokenAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        await using var cmd = db.CreateCommand("select id from workflow.concerns where follow_up_hash = @hash");
        cmd.Parameters.AddWithValue("hash", HashOf(token));
        return await cmd.ExecuteScalarAsync(ct) is Guid id ? id : null;
    }

    /// <summary>The reporter adds information (and files) through the secret link; the officers are told.</summary>
    public async Task AddInformationAsync(Guid id, string body, IReadOnlyList<ConcernAttachment> files, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body)) errors["body"] = ["Write what you want to add."];
        else if (body.Length > options.CurrentValue.MaxTextLength) errors["body"] = [$"At most {options.CurrentValue.MaxTextLength} characters."];
        AddFileErrors(files, errors);
        if (errors.Count > 0) throw new ConcernValidationException(errors);
        var now = clock.GetUtcNow();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var current = await LockAsync(conn, tx, id, ct);
        var messageId = Guid.CreateVersion7(now);
        await InsertMessageAsync(conn, tx, messageId, id, now, "from-reporter", ReporterActor, body.Trim(), ct);
        await InsertFilesAsync(conn, tx, id, messageId, files, now, ct);
        await AuditAsync(conn, tx, id, now, ReporterActor, "information-added", current.State, current.State, null,
            new { message = messageId, files = files.Count }, ct);
        await EnqueueAsync(conn, tx, ConcernMessages.Information, $"{current.Reference}/{messageId:N}",
            new { reference = current.Reference, concernId = id, receivedAt = now, files = files.Count }, now, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The timer: a concern still open and untouched since it was set is escalated to the officers again, and its clock
    /// starts over. A concern that moved on since (the version changed) or is not yet due is left alone.
    /// </summary>
    public async Task<bool> EscalateIfUntouchedAsync(Guid id, int? expectedVersion, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        Locked current;
        DateTimeOffset? dueAt;
        DateTimeOffset touchedAt;
        await using (var read = new NpgsqlCommand("""
            select reference, state, version, due_at, touched_at from workflow.concerns where id = @id for update
            """, conn, tx))
        {
            read.Parameters.AddWithValue("id", id);
            await using var r = await read.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return false;
            current = new Locked(r.GetString(0), ConcernStates.FromWire(r.GetString(1)), r.GetInt32(2));
            dueAt = r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3);
            touchedAt = r.GetFieldValue<DateTimeOffset>(4);
        }
        if (expectedVersion is { } v && v != current.Version) return false;
        if (current.State.IsClosed() || dueAt is null || dueAt > now) return false;
        var next = now + definition.Untouched;
        await using (var update = new NpgsqlCommand("update workflow.concerns set due_at = @due, version = version + 1 where id = @id", conn, tx))
        {
            update.Parameters.AddWithValue("due", next);
            update.Parameters.AddWithValue("id", id);
            await update.ExecuteNonQueryAsync(ct);
        }
        var days = (int)Math.Floor((now - touchedAt).TotalDays);
        await AuditAsync(conn, tx, id, now, "timer", "escalated-untouched", current.State, current.State,
            $"No action for {days} days (definition {definition.Version}: {definition.Untouched.TotalDays:0.##} days)", null, ct);
        await EnqueueAsync(conn, tx, ConcernMessages.Untouched, $"{current.Reference}/{current.Version}",
            new { reference = current.Reference, concernId = id, state = current.State.ToWire(), untouchedDays = days, touchedAt }, now, ct);
        await tx.CommitAsync(ct);
        ScheduleQuietly(id, current.Version + 1, next);
        return true;
    }

    /// <summary>Escalates every open concern whose timer is due (the recurring sweep; the per-concern timers are the fast path).</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var due = new List<Guid>();
        await using (var cmd = db.CreateCommand("select id from workflow.concerns where due_at <= @now order by due_at limit 1000"))
        {
            cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) due.Add(r.GetGuid(0));
        }
        var escalated = 0;
        foreach (var id in due)
            if (await EscalateIfUntouchedAsync(id, null, ct)) escalated++;
        return escalated;
    }

    internal sealed record Locked(string Reference, ConcernState State, int Version);

    internal static async Task<Locked> LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, CancellationToken ct)
    {
        await using var read = new NpgsqlCommand("select reference, state, version from workflow.concerns where id = @id for update", conn, tx);
        read.Parameters.AddWithValue("id", id);
        await using var r = await read.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) throw new NotFoundException("Concern", id);
        return new Locked(r.GetString(0), ConcernStates.FromWire(r.GetString(1)), r.GetInt32(2));
    }

    internal async Task AuditAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, DateTimeOffset at, string actor, string action,
        ConcernState? from, ConcernState? to, string? reason, object? data, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into workflow.concern_audit (concern_id, at, actor, action, from_state, to_state, reason, definition_version, data)
            values (@id, @at, @actor, @action, @from, @to, @reason, @definition, @data)
            """, conn, tx);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("at", at);
        cmd.Parameters.AddWithValue("actor", actor);
        cmd.Parameters.AddWithValue("action", action);
        cmd.Parameters.AddWithValue("from", (object?)from?.ToWire() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("to", (object?)to?.ToWire() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("reason", (object?)reason ?? DBNull.Value);
        cmd.Parameters.AddWithValue("definition", definition.Version);
        cmd.Parameters.AddWithValue("data", NpgsqlDbType.Jsonb, data is null ? DBNull.Value : JsonSerializer.Serialize(data));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    internal static Task EnqueueAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string kind, string occurrence, object data,
        DateTimeOffset now, CancellationToken ct) => OutboxStore.EnqueueAsync(conn, tx, kind, occurrence, data, now, ct);

    /// <summary>What the officers' e-mail says of a new concern: enough to act on, nothing that identifies the reporter.</summary>
    private static object Notice(Guid id, string reference, ConcernInput c, DateTimeOffset now) => new
    {
        reference,
        concernId = id,
        channel = c.Channel,
        subject = ConcernSubjects.Describe(c.Smelter, c.Supplier, c.Country, c.Metal),
        named = !c.IsAnonymous,
        receivedAt = now,
    };

    private void AddFileErrors(IReadOnlyList<ConcernAttachment> files, Dictionary<string, string[]> errors)
    {
        var max = options.CurrentValue.MaxFiles;
        var problems = new List<string>();
        if (files.Count > max) problems.Add($"At most {max} files.");
        problems.AddRange(files.Select(f => ConcernAttachments.Problem(f, uploads.CurrentValue.MaxBytes)).OfType<string>());
        if (problems.Count > 0) errors["files"] = problems.ToArray();
    }

    private void CheckText(string? body, string field)
    {
        if (string.IsNullOrWhiteSpace(body)) throw new ConcernValidationException(new() { [field] = ["Write the message."] });
        if (body.Length > options.CurrentValue.MaxTextLength)
            throw new ConcernValidationException(new() { [field] = [$"At most {options.CurrentValue.MaxTextLength} characters."] });
    }

    private static async Task InsertMessageAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid messageId, Guid id, DateTimeOffset at,
        string direction, string author, string body, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into workflow.concern_messages (id, concern_id, at, direction, author, body) values (@mid, @id, @at, @direction, @author, @body)
            """, conn, tx);
        cmd.Parameters.AddWithValue("mid", messageId);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("at", at);
        cmd.Parameters.AddWithValue("direction", direction);
        cmd.Parameters.AddWithValue("author", author);
        cmd.Parameters.AddWithValue("body", body);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task InsertFilesAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, Guid? messageId,
        IReadOnlyList<ConcernAttachment> files, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var f in files)
        {
            await using var cmd = new NpgsqlCommand("""
                insert into workflow.concern_files (id, concern_id, message_id, file_name, content_type, size_bytes, sha256, content, received_at)
                values (@fid, @id, @mid, @name, @type, @size, @sha, @content, @now)
                """, conn, tx);
            cmd.Parameters.AddWithValue("fid", Guid.CreateVersion7(now));
            cmd.Parameters.AddWithValue("id", id);
            cmd.Parameters.AddWithValue("mid", (object?)messageId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("name", ConcernAttachments.SafeName(f.FileName));
            // The type we recognised, never the one the sender declared.
            cmd.Parameters.AddWithValue("type", ConcernAttachments.TypeOf(f.Content) ?? "application/octet-stream");
            cmd.Parameters.AddWithValue("size", f.Content.Length);
            cmd.Parameters.AddWithValue("sha", Convert.ToHexStringLower(SHA256.HashData(f.Content)));
            cmd.Parameters.AddWithValue("content", f.Content);
            cmd.Parameters.AddWithValue("now", now);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    internal void ScheduleQuietly(Guid id, int version, DateTimeOffset due)
    {
        try { timers.Schedule(id, version, due); }
        catch (Exception e) { logger.LogWarning(e, "Could not set the timer of concern {Id}; the sweep will fire it", id); }
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] HashOf(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
}
