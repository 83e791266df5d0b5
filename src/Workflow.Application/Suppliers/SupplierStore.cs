using Npgsql;
using NpgsqlTypes;

namespace Workflow.Application.Suppliers;

public sealed record ImportResult(int Imported, int Skipped, IReadOnlyList<ImportError> Errors);

public sealed record SupplierSummary(Guid Id, string Name, string Email, string? Country, decimal? Spend, bool InScope, string? ContactName);

public sealed class SupplierStore(NpgsqlDataSource db, TimeProvider clock)
{
    /// <summary>
    /// Adds suppliers to a campaign in one transaction. Nothing is written when any row is invalid; a supplier
    /// already known by e-mail is reused (not overwritten), and one already in the campaign counts as skipped.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Guid campaignId, IReadOnlyList<(int Row, SupplierInput Input)> rows, CancellationToken ct)
    {
        var errors = rows.SelectMany(r => SupplierValidation.Validate(r.Row, r.Input)).ToList();
        if (errors.Count > 0) return new ImportResult(0, 0, errors);

        // The same e-mail twice in one file is one supplier: first row wins.
        var unique = rows.GroupBy(r => r.Input.Email!.Trim().ToLowerInvariant()).Select(g => g.First().Input).ToList();
        var duplicatesInFile = rows.Count - unique.Count;
        var now = clock.GetUtcNow();

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // Since 0021 the e-mail key is a partial index (suppliers without a code): the conflict target must repeat its predicate.
        await using (var upsert = new NpgsqlCommand("""
            insert into workflow.suppliers (id, name, email, contact_emails, contact_name, country, spend, delivery_qty, in_scope, parts, language, created_at, updated_at)
            select gen_random_uuid(), t.name, t.email, '{}', t.contact_name, t.country, t.spend, t.qty, t.in_scope, '{}', t.language, @now, @now
              from unnest(@names, @emails, @contacts, @countries, @spends, @qtys, @scopes, @languages)
                   as t(name, email, contact_name, country, spend, qty, in_scope, language)
            on conflict (lower(email)) where code is null and merged_into is null do nothing
            """, conn, tx))
        {
            upsert.Parameters.AddWithValue("now", now);
            upsert.Parameters.AddWithValue("names", unique.Select(u => u.Name!.Trim()).ToArray());
            upsert.Parameters.AddWithValue("emails", unique.Select(u => u.Email!.Trim()).ToArray());
            upsert.Parameters.AddWithValue("contacts", NpgsqlDbType.Array | NpgsqlDbType.Text, unique.Select(u => (object?)u.ContactName ?? DBNull.Value).ToArray());
            upsert.Parameters.AddWithValue("countries", NpgsqlDbType.Array | NpgsqlDbType.Text, unique.Select(u => (object?)u.Country ?? DBNull.Value).ToArray());
            upsert.Parameters.AddWithValue("spends", NpgsqlDbType.Array | NpgsqlDbType.Numeric, unique.Select(u => (object?)u.Spend ?? DBNull.Value).ToArray());
            upsert.Parameters.AddWithValue("qtys", NpgsqlDbType.Array | NpgsqlDbType.Numeric, unique.Select(u => (object?)u.DeliveryQuantity ?? DBNull.Value).ToArray());
            upsert.Parameters.AddWithValue("scopes", unique.Select(u => u.InScope ?? true).ToArray());
            upsert.Parameters.AddWithValue("languages", unique.Select(u => u.Language ?? "en").ToArray());
            await upsert.ExecuteNonQueryAsync(ct);
        }
        // Extra contact addresses and parts are per supplier arrays; unnest cannot carry arrays of arrays.
        foreach (var u in unique.Where(u => u.ContactEmails is { Count: > 0 } || u.Parts is { Count: > 0 }))
        {
            await using var extra = new NpgsqlCommand("""
                update workflow.suppliers
                   set contact_emails = coalesce((select array_agg(distinct e) from unnest(contact_emails || @emails) e), '{}'),
                       parts = coalesce((select array_agg(distinct p) from unnest(parts || @parts) p), '{}'), updated_at = @now
                 where lower(email) = lower(@email)
                """, conn, tx);
            extra.Parameters.AddWithValue("emails", (u.ContactEmails ?? []).ToArray());
            extra.Parameters.AddWithValue("parts", (u.Parts ?? []).ToArray());
            extra.Parameters.AddWithValue("email", u.Email!.Trim());
            extra.Parameters.AddWithValue("now", now);
            await extra.ExecuteNonQueryAsync(ct);
        }
        int imported;
        await using (var link = new NpgsqlCommand("""
            insert into workflow.campaign_suppliers (campaign_id, supplier_id, added_at)
            select @campaign, s.id, @now from workflow.suppliers s where lower(s.email) = any(@emails)
            on conflict do nothing
            """, conn, tx))
        {
            link.Parameters.AddWithValue("campaign", campaignId);
            link.Parameters.AddWithValue("now", now);
            link.Parameters.AddWithValue("emails", unique.Select(u => u.Email!.Trim().ToLowerInvariant()).ToArray());
            imported = await link.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new ImportResult(imported, unique.Count - imported + duplicatesInFile, []);
    }

    public async Task<IReadOnlyList<SupplierSummary>> ListForCampaignAsync(Guid campaignId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select s.id, s.name, s.email, s.country, s.spend, s.in_scope, s.contact_name
              from workflow.campaign_suppliers cs join workflow.suppliers s on s.id = cs.supplier_id
             where cs.campaign_id = @c order by s.name
            """);
        cmd.Parameters.AddWithValue("c", campaignId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<SupplierSummary>();
        while (await r.ReadAsync(ct))
            list.Add(new SupplierSummary(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetDecimal(4), r.GetBoolean(5), r.IsDBNull(6) ? null : r.GetString(6)));
        return list;
    }
}
