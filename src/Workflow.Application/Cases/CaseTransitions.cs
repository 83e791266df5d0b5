using Npgsql;
using NpgsqlTypes;
using Workflow.Domain.Cases;
using Workflow.StateMachines;

namespace Workflow.Application.Cases;

/// <summary>
/// The only way a case changes state, one case or many at a time: in one transaction, read the cases (one statement),
/// let the case machine decide each in memory, write every decided case with
/// <c>version = version + 1 where version = read version</c> (one statement; a case that lost a race to another writer
/// matches no row and is reported as a conflict, not applied), append their audit entries (one statement), run the
/// participants (the outbox: one statement) with the whole batch, commit, then tell the listeners (the timers).
/// </summary>
/// <remarks>
/// A single transition is a batch of one and throws instead of reporting: <see cref="ConcurrencyConflictException"/>
/// (HTTP 409), <see cref="IllegalTransitionException"/>, <see cref="NotFoundException"/>. Launch opens cases through
/// <see cref="OpenAsync"/>: the same decision and writes, with an insert in place of the update.
/// </remarks>
public sealed class CaseTransitions(
    NpgsqlDataSource db,
    TimeProvider clock,
    CaseMachine machine,
    IFollowUpClock followUp,
    IEnumerable<ITransitionParticipant> participants,
    IEnumerable<ITransitionListener> listeners)
{
    /// <param name="inTransaction">Extra writes that must commit with the transition (e.g. the submission row); run
    /// after the case and its audit entry are written, before the participants.</param>
    public async Task<CaseTransitioned> FireAsync(
        Guid caseId,
        CaseIntention intention,
        TransitionCause cause,
        int? expectedVersion = null,
        DateTimeOffset? dueAt = null,
        Func<NpgsqlConnection, NpgsqlTransaction, Task>? inTransaction = null,
        CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var result = (await ApplyAsync(conn, tx, [new TransitionRequest(caseId, intention, cause, expectedVersion, dueAt)], inTransaction, ct))[0];
        switch (result.Status)
        {
            case TransitionStatus.NotFound: throw new NotFoundException("Case", caseId);
            case TransitionStatus.Conflict: throw new ConcurrencyConflictException(caseId, expectedVersion ?? result.CurrentVersion ?? 0);
            case TransitionStatus.Refused: throw result.Error!;
        }
        await tx.CommitAsync(ct);
        await NotifyAsync([result], ct);
        return result.Transition!;
    }

    /// <summary>Like <see cref="FireAsync"/>, retrying on a concurrent change; for system actors whose intent still holds.</summary>
    public async Task<CaseTransitioned> FireWithRetryAsync(Guid caseId, CaseIntention intention, TransitionCause cause, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await FireAsync(caseId, intention, cause, ct: ct);
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), ct);
            }
        }
    }

    /// <summary>A batch in its own transaction; one result per request, in order.</summary>
    public async Task<IReadOnlyList<TransitionResult>> ApplyAsync(IReadOnlyList<TransitionRequest> batch, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var results = await ApplyAsync(conn, tx, batch, null, ct);
        await tx.CommitAsync(ct);
        await NotifyAsync(results, ct);
        return results;
    }

    /// <summary>
    /// A batch inside the caller's transaction (e.g. one that claimed the cases); the caller commits, then calls
    /// <see cref="NotifyAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<TransitionResult>> ApplyAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<TransitionRequest> batch,
        Func<NpgsqlConnection, NpgsqlTransaction, Task>? inTransaction, CancellationToken ct)
    {
        var rows = await LoadAsync(conn, tx, batch.Select(r => r.CaseId).Distinct().ToArray(), ct);
        return await DecideAndWriteAsync(conn, tx, batch, rows, insert: false, inTransaction, clock.GetUtcNow(), ct);
    }

    /// <summary>
    /// Opens new cases and launches them through the machine (<see cref="CaseIntention.Launch"/>), inside the caller's
    /// transaction, which must hold the campaign's row lock (see <c>CampaignStore.LaunchAsync</c>).
    /// </summary>
    /// <param name="at">When the launch happened: every batch of one launch shares it, and so its first due time.</param>
    public Task<IReadOnlyList<TransitionResult>> OpenAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid campaignId,
        IReadOnlyList<(Guid CaseId, Guid SupplierId)> cases, TransitionCause cause, DateTimeOffset at, CancellationToken ct)
    {
        var rows = new Dictionary<Guid, CaseRow>(cases.Count);
        var batch = new TransitionRequest[cases.Count];
        for (var i = 0; i < cases.Count; i++)
        {
            rows[cases[i].CaseId] = new CaseRow(machine.Start, 0, null, null, campaignId, cases[i].SupplierId);
            batch[i] = new TransitionRequest(cases[i].CaseId, CaseIntention.Launch, cause);
        }
        return DecideAndWriteAsync(conn, tx, batch, rows, insert: true, null, at, ct);
    }

    /// <summary>Tells the listeners about the applied transitions of a committed batch.</summary>
    public async Task NotifyAsync(IReadOnlyList<TransitionResult> results, CancellationToken ct)
    {
        var applied = results.Where(r => r.Applied).Select(r => r.Transition!).ToList();
        if (applied.Count == 0) return;
        foreach (var l in listeners) await l.OnTransitionedAsync(applied, ct);
    }

    private async Task<IReadOnlyList<TransitionResult>> DecideAndWriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        IReadOnlyList<TransitionRequest> batch, IReadOnlyDictionary<Guid, CaseRow> rows, bool insert,
        Func<NpgsqlConnection, NpgsqlTransaction, Task>? inTransaction, DateTimeOffset now, CancellationToken ct)
    {
        var results = new TransitionResult[batch.Count];
        var decided = new List<(int Index, CaseRow Row, CaseTransitioned Transition)>(batch.Count);
        var seen = new HashSet<Guid>();
        // One machine decides the whole batch: its configuration is built once, and since a decision depends only on
        // (stage, facts, intention) (guards read facts, no entry action has effects) it is asked once per distinct
        // combination: a launch of 100,000 cases is one decision, not 100,000 walks through Stateless.
        var workflow = new SupplierCaseWorkflow(machine, machine.Start);
        var decisions = new Dictionary<(CaseStage, CaseFacts, CaseIntention), (CaseMove? Move, IllegalTransitionException? Refusal)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var request = batch[i];
            if (!rows.TryGetValue(request.CaseId, out var row)) { results[i] = new(request, TransitionStatus.NotFound); continue; }
            if (!seen.Add(request.CaseId) || request.ExpectedVersion is int ev && ev != row.Version)
            {
                results[i] = new(request, TransitionStatus.Conflict, CurrentVersion: row.Version);
                continue;
            }
            var facts = new CaseFacts(row.LastOutcome is "invalid" or "unreadable",
                row.EscalatedFrom is { } from && machine.IsWithin(from, CaseStage.ProductLevelRequested));
            if (!decisions.TryGetValue((row.Stage, facts, request.Intention), out var decision))
            {
                try { decision = (request.Intention.ApplyTo(workflow.Load(row.Stage, facts)), null); }
                catch (IllegalTransitionException e) { decision = (null, e); }
                decisions[(row.Stage, facts, request.Intention)] = decision;
            }
            if (decision.Move is not { } move)
            {
                results[i] = new(request, TransitionStatus.Refused, Error: decision.Refusal, CurrentVersion: row.Version);
                continue;
            }
            // A new stage starts its clock; a move within the stage (another invalid file) keeps it running.
            var due = request.DueAt ?? (move.StageChanged ? followUp.DueAt(move.To, now) : row.DueAt);
            var transition = new CaseTransitioned(request.CaseId, row.CampaignId, row.Stage, move.To,
                row.Stage == machine.Start ? null : machine.StateOf(row.Stage), machine.StateOf(move.To),
                move.Trigger, request.Cause, row.Version + 1, now, due, request.SendsMessages ? move.Messages : []);
            decided.Add((i, row, transition));
        }

        var written = insert ? await InsertAsync(conn, tx, decided, now, ct) : await UpdateAsync(conn, tx, decided, now, ct);
        var applied = new List<CaseTransitioned>(written.Count);
        foreach (var (index, row, transition) in decided)
        {
            if (written.Contains(transition.CaseId))
            {
                results[index] = new(batch[index], TransitionStatus.Applied, transition);
                applied.Add(transition);
            }
            else results[index] = new(batch[index], TransitionStatus.Conflict, CurrentVersion: row.Version);
        }
        if (applied.Count == 0) return results;

        await AuditTrail.AppendAsync(conn, tx, applied, ct);
        if (inTransaction is not null) await inTransaction(conn, tx);
        foreach (var p in participants) await p.OnTransitionsAsync(conn, tx, applied, ct);
        return results;
    }

    private static bool Entering(CaseTransitioned t) => t.ToState == CaseState.Escalated && t.FromState != CaseState.Escalated;

    private static async Task<HashSet<Guid>> UpdateAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        List<(int Index, CaseRow Row, CaseTransitioned Transition)> decided, DateTimeOffset now, CancellationToken ct)
    {
        if (decided.Count == 0) return [];
        await using var update = new NpgsqlCommand("""
            update workflow.cases c
               set stage = u.stage, state = u.state, version = c.version + 1, updated_at = @now, due_at = u.due,
                   escalated_at = case when u.enter then @now when u.state <> 'Escalated' then null else c.escalated_at end,
                   escalation_reason = case when u.enter then u.reason when u.state <> 'Escalated' then null else c.escalation_reason end,
                   escalated_from = case when u.enter then u.from_stage when u.state <> 'Escalated' then null else c.escalated_from end
              from unnest(@id, @version, @stage, @state, @due, @enter, @reason, @fromStage)
                   as u(id, version, stage, state, due, enter, reason, from_stage)
             where c.id = u.id and c.version = u.version
            returning c.id
            """, conn, tx);
        update.Parameters.AddWithValue("now", now);
        AddColumns(update, decided);
        update.Parameters.AddWithValue("version", decided.Select(d => d.Row.Version).ToArray());
        return await IdsAsync(update, ct);
    }

    /// <summary>
    /// New cases, by binary COPY. No conflict can arise: a launch first locks its campaign's row (the launched_at mark)
    /// and then reads which suppliers have no case yet, so two launches of one campaign run one after the other.
    /// </summary>
    private static async Task<HashSet<Guid>> InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        List<(int Index, CaseRow Row, CaseTransitioned Transition)> decided, DateTimeOffset now, CancellationToken ct)
    {
        if (decided.Count == 0) return [];
        await using var copy = await conn.BeginBinaryImportAsync("""
            copy workflow.cases (id, campaign_id, supplier_id, state, stage, version, due_at, escalated_at, escalation_reason, created_at, updated_at)
            from stdin (format binary)
            """, ct);
        foreach (var (_, row, t) in decided)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(t.CaseId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(row.CampaignId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(row.SupplierId!.Value, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(t.ToState.ToString(), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(t.To.Name, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(t.NewVersion, NpgsqlDbType.Integer, ct);
            if (t.DueAt is { } due) await copy.WriteAsync(due, NpgsqlDbType.TimestampTz, ct); else await copy.WriteNullAsync(ct);
            if (Entering(t))
            {
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(t.Cause.Reason, NpgsqlDbType.Text, ct);
            }
            else
            {
                await copy.WriteNullAsync(ct);
                await copy.WriteNullAsync(ct);
            }
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
        }
        await copy.CompleteAsync(ct);
        return decided.Select(d => d.Transition.CaseId).ToHashSet();
    }

    private static void AddColumns(NpgsqlCommand cmd, List<(int Index, CaseRow Row, CaseTransitioned Transition)> decided)
    {
        cmd.Parameters.AddWithValue("id", decided.Select(d => d.Transition.CaseId).ToArray());
        cmd.Parameters.AddWithValue("stage", decided.Select(d => d.Transition.To.Name).ToArray());
        cmd.Parameters.AddWithValue("state", decided.Select(d => d.Transition.ToState.ToString()).ToArray());
        cmd.Parameters.AddWithValue("due", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, decided.Select(d => d.Transition.DueAt).ToArray());
        cmd.Parameters.AddWithValue("enter", decided.Select(d => Entering(d.Transition)).ToArray());
        cmd.Parameters.AddWithValue("reason", decided.Select(d => d.Transition.Cause.Reason).ToArray());
        cmd.Parameters.AddWithValue("fromStage", decided.Select(d => d.Row.Stage.Name).ToArray());
    }

    private static async Task<HashSet<Guid>> IdsAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var ids = new HashSet<Guid>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetGuid(0));
        return ids;
    }

    private async Task<Dictionary<Guid, CaseRow>> LoadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid[] ids, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select id, stage, version, last_outcome, due_at, campaign_id, escalated_from from workflow.cases where id = any(@ids)
            """, conn, tx);
        cmd.Parameters.AddWithValue("ids", ids);
        var rows = new Dictionary<Guid, CaseRow>(ids.Length);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows[r.GetGuid(0)] = new CaseRow(
                new CaseStage(r.GetString(1)),
                r.GetInt32(2),
                r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4),
                r.GetGuid(5),
                null,
                r.IsDBNull(6) ? null : new CaseStage(r.GetString(6)));
        return rows;
    }

    private sealed record CaseRow(CaseStage Stage, int Version, string? LastOutcome, DateTimeOffset? DueAt, Guid CampaignId, Guid? SupplierId,
        CaseStage? EscalatedFrom = null);
}
