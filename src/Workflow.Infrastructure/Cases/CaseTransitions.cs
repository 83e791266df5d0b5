using Npgsql;
using Workflow.Domain.Cases;
using Workflow.StateMachines;

namespace Workflow.Infrastructure.Cases;

/// <summary>
/// The only way a case changes state: load the row, fire the trigger on a fresh Stateless machine, write the new
/// stage with <c>version = version + 1 where version = expected</c>, append the audit entry, run participants, commit.
/// A concurrent writer makes the update match no row, and the loser gets <see cref="ConcurrencyConflictException"/>.
/// </summary>
public sealed class CaseTransitions(
    NpgsqlDataSource db,
    TimeProvider clock,
    IFollowUpClock followUp,
    IEnumerable<ITransitionParticipant> participants,
    IEnumerable<ITransitionListener> listeners)
{
    /// <param name="expectedVersion">When given, refuse if the case is no longer at this version (jobs, UI forms).</param>
    /// <param name="dueAt">Overrides the follow-up clock (e.g. an extension to a date chosen by a manager).</param>
    /// <param name="inTransaction">Extra writes that must commit with the transition (e.g. the submission row).</param>
    public Task<CaseTransitioned> FireAsync(
        Guid caseId,
        CaseTrigger trigger,
        TransitionCause cause,
        int? expectedVersion = null,
        DateTimeOffset? dueAt = null,
        Func<NpgsqlConnection, NpgsqlTransaction, Task>? inTransaction = null,
        CancellationToken ct = default) =>
        FireAsync(caseId, _ => trigger, cause, expectedVersion, dueAt, inTransaction, ct);

    /// <param name="chooseTrigger">Picks the trigger from the stage read inside the transaction (e.g. Corrected vs CmrtAccepted).</param>
    public async Task<CaseTransitioned> FireAsync(
        Guid caseId,
        Func<CaseStage, CaseTrigger> chooseTrigger,
        TransitionCause cause,
        int? expectedVersion = null,
        DateTimeOffset? dueAt = null,
        Func<NpgsqlConnection, NpgsqlTransaction, Task>? inTransaction = null,
        CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);

        var row = await LoadAsync(conn, tx, caseId, ct) ?? throw new NotFoundException("Case", caseId);
        if (expectedVersion is int ev && ev != row.Version) throw new ConcurrencyConflictException(caseId, ev);

        var stage = row.Stage;
        var trigger = chooseTrigger(stage);
        var workflow = new SupplierCaseWorkflow(() => stage, s => stage = s, new CaseFacts(row.LastOutcome is "invalid" or "unreadable"));
        workflow.Fire(trigger);

        var now = clock.GetUtcNow();
        var newDue = dueAt ?? (stage != row.Stage || trigger == CaseTrigger.ExtensionGranted
            ? followUp.DueAt(stage, now, row.ResponseDueDate)
            : row.DueAt);
        var state = stage.ToState();
        var enteringEscalation = state == CaseState.Escalated && row.Stage.ToState() != CaseState.Escalated;
        var leavingEscalation = state != CaseState.Escalated;

        await using (var update = new NpgsqlCommand("""
            update workflow.cases
               set stage = @stage, state = @state, version = version + 1, updated_at = @now, due_at = @due,
                   escalated_at = case when @enter then @now when @leave then null else escalated_at end,
                   escalation_reason = case when @enter then @reason when @leave then null else escalation_reason end
             where id = @id and version = @version
            """, conn, tx))
        {
            update.Parameters.AddWithValue("stage", stage.ToString());
            update.Parameters.AddWithValue("state", state.ToString());
            update.Parameters.AddWithValue("now", now);
            update.Parameters.AddWithValue("due", (object?)newDue ?? DBNull.Value);
            update.Parameters.AddWithValue("enter", enteringEscalation);
            update.Parameters.AddWithValue("leave", leavingEscalation);
            update.Parameters.AddWithValue("reason", cause.Reason);
            update.Parameters.AddWithValue("id", caseId);
            update.Parameters.AddWithValue("version", row.Version);
            if (await update.ExecuteNonQueryAsync(ct) != 1) throw new ConcurrencyConflictException(caseId, row.Version);
        }

        var transition = new CaseTransitioned(caseId, row.CampaignId, row.Stage, stage, trigger, cause, row.Version + 1, now, newDue);
        await AuditTrail.AppendAsync(conn, tx, transition, ct);
        if (inTransaction is not null) await inTransaction(conn, tx);
        foreach (var p in participants) await p.OnTransitionAsync(conn, tx, transition, ct);
        await tx.CommitAsync(ct);

        foreach (var l in listeners) await l.OnTransitionedAsync(transition, ct);
        return transition;
    }

    /// <summary>Like <see cref="FireAsync"/>, retrying on a concurrent change; for system actors whose intent still holds.</summary>
    public async Task<CaseTransitioned> FireWithRetryAsync(Guid caseId, CaseTrigger trigger, TransitionCause cause, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await FireAsync(caseId, trigger, cause, ct: ct);
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), ct);
            }
        }
    }

    private static async Task<CaseRow?> LoadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select c.stage, c.version, c.last_outcome, c.due_at, c.campaign_id, k.response_due_date
              from workflow.cases c join workflow.campaigns k on k.id = c.campaign_id
             where c.id = @id
            """, conn, tx);
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new CaseRow(
            Enum.Parse<CaseStage>(r.GetString(0)),
            r.GetInt32(1),
            r.IsDBNull(2) ? null : r.GetString(2),
            r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3),
            r.GetGuid(4),
            r.GetFieldValue<DateOnly>(5));
    }

    private sealed record CaseRow(CaseStage Stage, int Version, string? LastOutcome, DateTimeOffset? DueAt, Guid CampaignId, DateOnly ResponseDueDate);
}
