using Npgsql;
using NpgsqlTypes;
using System.Text.Json;
using Workflow.Domain.Cases;
using Workflow.Infrastructure.Cases;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// Writes the e-mail a transition calls for into the outbox inside the transition's transaction: the message exists
/// if and only if the transition committed. The occurrence is the case version the transition created, so a second
/// reminder after an extension is a new message while a retried write of the same one is refused by the unique index.
/// </summary>
public sealed class OutboxParticipant(TimeProvider clock) : ITransitionParticipant
{
    public static string? KindFor(CaseTransitioned t)
    {
        var enteredEscalation = t.From.ToState() != CaseState.Escalated && t.To.ToState() == CaseState.Escalated;
        return t switch
        {
            _ when enteredEscalation => MessageKinds.Escalation,
            { Trigger: CaseTrigger.RejectedAsInvalid } when t.To.ToState() == CaseState.Invalid => MessageKinds.CorrectionRequest,
            { To: CaseStage.Reminded, StageChanged: true } => MessageKinds.Reminder,
            { To: CaseStage.SecondRequestSent, StageChanged: true } => MessageKinds.SecondRequest,
            { To: CaseStage.CorrectionReminded, StageChanged: true } => MessageKinds.CorrectionReminder,
            { To: CaseStage.TerminationRecommended, StageChanged: true } => MessageKinds.TerminationRecommended,
            _ => null,
        };
    }

    public async Task OnTransitionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CaseTransitioned t, CancellationToken ct)
    {
        if (KindFor(t) is not { } kind) return;
        // The correction request quotes the findings of the submission written earlier in this same transaction.
        await using var cmd = new NpgsqlCommand("""
            insert into workflow.outbox (case_id, kind, occurrence, data, created_at, next_attempt_at)
            select @case, @kind, @occurrence,
                   @data || case when @kind in ('correction-request', 'correction-reminder') then jsonb_build_object('findings', coalesce(
                       (select s.evaluation -> 'findings' from workflow.submissions s where s.case_id = @case
                         order by s.received_at desc, s.id desc limit 1), '[]'::jsonb)) else '{}'::jsonb end,
                   @now, @now
            on conflict do nothing
            """, connection, transaction);
        cmd.Parameters.AddWithValue("case", t.CaseId);
        cmd.Parameters.AddWithValue("kind", kind);
        cmd.Parameters.AddWithValue("occurrence", t.NewVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("data", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(new { reason = t.Cause.Reason, trigger = t.Trigger.ToString() }));
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
