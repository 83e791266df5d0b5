using Npgsql;
using Workflow.Application.Cases;

namespace Workflow.Application.Email;

/// <summary>
/// Writes the e-mails a batch of transitions calls for (what the case machine declares for the stages they enter) into
/// the outbox inside the transitions' transaction, in one statement: a message exists if and only if its transition
/// committed. The occurrence is the case version the transition created, so a second reminder after an extension is a
/// new message while a retried write of the same one is refused by the unique index.
/// </summary>
public sealed class OutboxParticipant(TimeProvider clock) : ITransitionParticipant
{
    public async Task OnTransitionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<CaseTransitioned> transitions,
        CancellationToken ct)
    {
        var messages = transitions.SelectMany(t => t.Messages.Select(m => (Transition: t, Message: m))).ToList();
        if (messages.Count == 0) return;
        // A message that quotes findings takes those of the latest submission's current evaluation (a re-evaluation's, if
        // any), written earlier in this same transaction.
        await using var cmd = new NpgsqlCommand("""
            insert into workflow.outbox (case_id, kind, occurrence, data, created_at, next_attempt_at)
            select u.case_id, u.kind, u.occurrence,
                   jsonb_build_object('reason', u.reason, 'trigger', u.trigger)
                   || case when u.findings then jsonb_build_object('findings', coalesce(
                       (select e.evaluation -> 'findings' from workflow.submissions s cross join lateral workflow.current_evaluation(s.id) e
                         where s.case_id = u.case_id order by s.received_at desc, s.id desc limit 1), '[]'::jsonb)) else '{}'::jsonb end,
                   @now, @now
              from unnest(@case, @kind, @occurrence, @reason, @trigger, @findings) as u(case_id, kind, occurrence, reason, trigger, findings)
            on conflict do nothing
            """, connection, transaction);
        cmd.Parameters.AddWithValue("case", messages.Select(m => m.Transition.CaseId).ToArray());
        cmd.Parameters.AddWithValue("kind", messages.Select(m => m.Message.Kind).ToArray());
        cmd.Parameters.AddWithValue("occurrence", messages.Select(m => m.Transition.NewVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        cmd.Parameters.AddWithValue("reason", messages.Select(m => m.Transition.Cause.Reason).ToArray());
        cmd.Parameters.AddWithValue("trigger", messages.Select(m => m.Transition.Trigger.Name).ToArray());
        cmd.Parameters.AddWithValue("findings", messages.Select(m => m.Message.QuotesFindings).ToArray());
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
