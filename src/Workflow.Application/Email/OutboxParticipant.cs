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
        // any), written earlier in this same transaction. A product-level request lists the parts the bill of materials
        // says we buy from the supplier and the red flags of its latest red-flag declaration, as they were when it was
        // decided (the message is a record of what was asked).
        await using var cmd = new NpgsqlCommand("""
            insert into workflow.outbox (case_id, kind, occurrence, data, created_at, next_attempt_at)
            select u.case_id, u.kind, u.occurrence,
                   jsonb_build_object('reason', u.reason, 'trigger', u.trigger)
                   || case when u.findings then jsonb_build_object('findings', coalesce(
                       (select e.evaluation -> 'findings' from workflow.submissions s cross join lateral workflow.current_evaluation(s.id) e
                         where s.case_id = u.case_id order by s.received_at desc, s.id desc limit 1), '[]'::jsonb)) else '{}'::jsonb end
                   || case when u.parts then jsonb_build_object(
                       'parts', coalesce((select jsonb_agg(jsonb_build_object('partNumber', pa.part_number, 'supplierPartNumber', ps.supplier_part_number)
                                                  order by pa.part_number)
                                            from workflow.cases c join workflow.part_sources ps on ps.supplier_id = c.supplier_id
                                            join workflow.parts pa on pa.id = ps.part_id
                                           where c.id = u.case_id and not pa.no_3tg), '[]'::jsonb),
                       'concerns', coalesce((select jsonb_agg(f) from (
                           select s.id from workflow.submissions s where s.case_id = u.case_id and s.outcome = 'red-flag'
                            order by s.received_at desc, s.id desc limit 1) latest
                           cross join lateral workflow.current_evaluation(latest.id) e
                           cross join lateral jsonb_array_elements(e.evaluation -> 'findings') f
                          where f ->> 'severity' = 'RedFlag'), '[]'::jsonb)) else '{}'::jsonb end,
                   @now, @now
              from unnest(@case, @kind, @occurrence, @reason, @trigger, @findings, @parts)
                   as u(case_id, kind, occurrence, reason, trigger, findings, parts)
            on conflict do nothing
            """, connection, transaction);
        cmd.Parameters.AddWithValue("case", messages.Select(m => m.Transition.CaseId).ToArray());
        cmd.Parameters.AddWithValue("kind", messages.Select(m => m.Message.Kind).ToArray());
        cmd.Parameters.AddWithValue("occurrence", messages.Select(m => m.Transition.NewVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        cmd.Parameters.AddWithValue("reason", messages.Select(m => m.Transition.Cause.Reason).ToArray());
        cmd.Parameters.AddWithValue("trigger", messages.Select(m => m.Transition.Trigger.Name).ToArray());
        cmd.Parameters.AddWithValue("findings", messages.Select(m => m.Message.QuotesFindings).ToArray());
        cmd.Parameters.AddWithValue("parts", messages.Select(m => m.Message.ListsPartsAndConcerns).ToArray());
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
