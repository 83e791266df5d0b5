using System.Globalization;
using Npgsql;
using Workflow.Application.Cases;
using Workflow.Application.Email;
using Workflow.Domain.Cases;

namespace Workflow.Application.Suppliers;

/// <summary>
/// When management approves a termination, the supplier is marked terminated in the register (with the decision and
/// who approved it, so next year's campaign warns before surveying it again) and procurement is told, in the same
/// transaction as the case's move.
/// </summary>
public sealed class SupplierTerminationParticipant : ITransitionParticipant
{
    public async Task OnTransitionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<CaseTransitioned> transitions,
        CancellationToken ct)
    {
        foreach (var t in transitions.Where(t => t.Trigger == CaseTrigger.TerminationApproved))
        {
            Guid supplierId;
            string name, reference, previousStatus;
            await using (var read = new NpgsqlCommand("""
                select s.id, s.name, c.reference, s.status from workflow.cases c join workflow.suppliers s on s.id = c.supplier_id where c.id = @case
                """, connection, transaction))
            {
                read.Parameters.AddWithValue("case", t.CaseId);
                await using var r = await read.ExecuteReaderAsync(ct);
                if (!await r.ReadAsync(ct)) continue;
                (supplierId, name, reference, previousStatus) = (r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3));
            }
            var reason = $"termination approved on case {reference}: {t.Cause.Reason}";
            await SupplierEditing.SetStatusAsync(connection, transaction, supplierId, SupplierStatuses.Terminated, reason, t.Cause.Actor, t.At, ct);
            await SupplierRegister.AuditAsync(connection, transaction,
                [new FieldChange(supplierId, name, "status", previousStatus, SupplierStatuses.Terminated), new FieldChange(supplierId, name, "statusReason", null, reason)],
                t.At, t.Cause.Actor, $"case {reference}", ct);
            await using var outbox = new NpgsqlCommand("""
                insert into workflow.outbox (case_id, kind, occurrence, data, created_at, next_attempt_at)
                values (@case, @kind, @occurrence, jsonb_build_object('reason', @reason::text, 'trigger', @trigger::text), @now, @now)
                on conflict do nothing
                """, connection, transaction);
            outbox.Parameters.AddWithValue("case", t.CaseId);
            outbox.Parameters.AddWithValue("kind", MessageKinds.TerminationApproved);
            outbox.Parameters.AddWithValue("occurrence", t.NewVersion.ToString(CultureInfo.InvariantCulture));
            outbox.Parameters.AddWithValue("reason", t.Cause.Reason);
            outbox.Parameters.AddWithValue("trigger", t.Trigger.Name);
            outbox.Parameters.AddWithValue("now", t.At);
            await outbox.ExecuteNonQueryAsync(ct);
        }
    }
}
