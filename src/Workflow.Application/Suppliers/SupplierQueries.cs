using Npgsql;
using Workflow.Application.Cases;

namespace Workflow.Application.Suppliers;

/// <summary>A supplier's place in one campaign: scope, and its case if surveyed.</summary>
public sealed record SupplierCampaign(Guid CampaignId, string CampaignName, bool InScope, string? ScopeReason, Guid? CaseId, string? CaseReference, string? CaseState);

/// <summary>A supplier with its history: the campaigns it was in and every change made to its record.</summary>
public sealed record SupplierDetail(SupplierRecord Supplier, IReadOnlyList<SupplierCampaign> Campaigns, IReadOnlyList<SupplierChange> Changes);

/// <summary>What the register's API and pages read.</summary>
public sealed class SupplierQueries(NpgsqlDataSource db)
{
    /// <summary>Suppliers whose name, code or e-mail contains <paramref name="q"/> (all without), merged records left out.</summary>
    public async Task<IReadOnlyList<SupplierRecord>> ListAsync(string? q, string? status, int offset, int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select {SupplierRegister.SelectColumns} from workflow.suppliers s
             where s.merged_into is null
               and (@q::text is null or s.name ilike @like or s.code ilike @like or s.email ilike @like)
               and (@status::text is null or s.status = @status)
             order by lower(s.name), s.id offset @offset limit @limit
            """);
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        cmd.Parameters.AddWithValue("q", (object?)text ?? DBNull.Value);
        cmd.Parameters.AddWithValue("like", text is null ? "" : "%" + Escape(text) + "%");
        cmd.Parameters.AddWithValue("status", (object?)status ?? DBNull.Value);
        cmd.Parameters.AddWithValue("offset", offset);
        cmd.Parameters.AddWithValue("limit", limit);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<SupplierRecord>();
        while (await r.ReadAsync(ct)) list.Add(SupplierRegister.Read(r));
        return list;
    }

    public async Task<SupplierRecord?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select {SupplierRegister.SelectColumns} from workflow.suppliers s where s.id = @id");
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? SupplierRegister.Read(r) : null;
    }

    public async Task<SupplierDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var supplier = await FindAsync(id, ct) ?? throw new NotFoundException("Supplier", id);
        var campaigns = new List<SupplierCampaign>();
        await using (var cmd = db.CreateCommand("""
            select k.id, k.name, cs.in_scope, cs.scope_reason, c.id, c.reference, c.state
              from workflow.campaign_suppliers cs
              join workflow.campaigns k on k.id = cs.campaign_id
              left join workflow.cases c on c.campaign_id = cs.campaign_id and c.supplier_id = cs.supplier_id
             where cs.supplier_id = @id
             order by k.period_start desc, k.created_at desc
            """))
        {
            cmd.Parameters.AddWithValue("id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                campaigns.Add(new SupplierCampaign(r.GetGuid(0), r.GetString(1), r.GetBoolean(2), r.IsDBNull(3) ? null : r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetGuid(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6)));
        }
        var changes = new List<SupplierChange>();
        await using (var cmd = db.CreateCommand("""
            select at, actor, source, field, old_value, new_value from workflow.supplier_changes where supplier_id = @id order by id desc
            """))
        {
            cmd.Parameters.AddWithValue("id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                changes.Add(new SupplierChange(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));
        }
        return new SupplierDetail(supplier, campaigns, changes);
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
