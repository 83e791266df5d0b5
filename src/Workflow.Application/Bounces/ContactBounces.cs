using Npgsql;
using Workflow.Application.Cases;

namespace Workflow.Application.Bounces;

/// <summary>
/// Writes <c>workflow.contact_bounces</c>: a supplier's address that failed for good, until the address is gone from the
/// supplier (an edit, an import or a merge resolves it, by the actor of that change) or a person resolves it.
/// </summary>
public sealed class ContactBounces(NpgsqlDataSource db, TimeProvider clock)
{
    /// <summary>
    /// Marks each failed address of the supplier, once per report (the intake may read a report again after a crash),
    /// linked to the report's inbound message record on the case.
    /// </summary>
    public async Task<int> RecordAsync(Guid supplierId, Guid caseId, string reportMessageId, DateTimeOffset? arrivedAt,
        IReadOnlyList<DeliveryOutcome> failures, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            insert into workflow.contact_bounces (supplier_id, case_id, email, bounced_at, status_code, diagnostic, dsn_message_id, message_record_id)
            select @supplier, @case, f.email, @at, f.status, f.diagnostic, @report,
                   (select id from workflow.message_records where direction = 'inbound' and message_id = @report)
              from unnest(@emails, @statuses, @diagnostics) as f(email, status, diagnostic)
            on conflict do nothing
            """);
        cmd.Parameters.AddWithValue("supplier", supplierId);
        cmd.Parameters.AddWithValue("case", caseId);
        cmd.Parameters.AddWithValue("at", arrivedAt ?? clock.GetUtcNow());
        cmd.Parameters.AddWithValue("report", reportMessageId);
        cmd.Parameters.AddWithValue("emails", failures.Select(f => f.Email).ToArray());
        cmd.Parameters.Add(new NpgsqlParameter("statuses", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text)
            { Value = failures.Select(f => (object?)f.Status ?? DBNull.Value).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("diagnostics", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text)
            { Value = failures.Select(f => (object?)f.Diagnostic ?? DBNull.Value).ToArray() });
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// A person says the supplier is reachable again (the address works after all, or they were reached another way):
    /// every open bounce of the case's supplier is resolved with the reason. Returns how many were open.
    /// </summary>
    public async Task<int> ResolveForCaseAsync(Guid caseId, string reason, string actor, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using (var exists = new NpgsqlCommand("select exists(select 1 from workflow.cases where id = @id)", conn))
        {
            exists.Parameters.AddWithValue("id", caseId);
            if (await exists.ExecuteScalarAsync(ct) is not true) throw new NotFoundException("Case", caseId);
        }
        await using var cmd = new NpgsqlCommand("""
            update workflow.contact_bounces b set resolved_at = @now, resolved_by = @actor, resolution = @reason
              from workflow.cases c
             where c.id = @case and b.supplier_id = c.supplier_id and b.resolved_at is null
            """, conn);
        cmd.Parameters.AddWithValue("case", caseId);
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        cmd.Parameters.AddWithValue("actor", actor);
        cmd.Parameters.AddWithValue("reason", reason);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// In the transaction that changed the suppliers' addresses: open bounces of addresses no longer on the supplier
    /// (neither its e-mail nor a contact) are resolved by the actor of the change. An address kept stays bounced.
    /// </summary>
    public static async Task ResolveRemovedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyCollection<Guid> supplierIds,
        DateTimeOffset now, string actor, string source, CancellationToken ct)
    {
        if (supplierIds.Count == 0) return;
        await using var cmd = new NpgsqlCommand("""
            update workflow.contact_bounces b set resolved_at = @now, resolved_by = @actor, resolution = @resolution
              from workflow.suppliers s
             where s.id = any(@ids) and b.supplier_id = s.id and b.resolved_at is null
               and lower(b.email) <> lower(s.email)
               and not lower(b.email) = any(select lower(e) from unnest(s.contact_emails) e)
            """, conn, tx);
        cmd.Parameters.AddWithValue("ids", supplierIds.ToArray());
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("actor", actor);
        cmd.Parameters.AddWithValue("resolution", $"address removed from the supplier ({source})");
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A merge moves the source's addresses to the target, so their bounces follow them.</summary>
    public static async Task MoveAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid sourceId, Guid intoId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("update workflow.contact_bounces set supplier_id = @into where supplier_id = @source", conn, tx);
        cmd.Parameters.AddWithValue("into", intoId);
        cmd.Parameters.AddWithValue("source", sourceId);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
