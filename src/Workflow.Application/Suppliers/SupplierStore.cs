using Npgsql;

namespace Workflow.Application.Suppliers;

public sealed record SupplierSummary(Guid Id, string Name, string Email, string? Country, decimal? Spend, bool InScope, string? ContactName,
    string? Code = null, string Status = SupplierStatuses.Active, string? ScopeReason = null);

/// <summary>The suppliers of one campaign, with their scope in it.</summary>
public sealed class SupplierStore(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<SupplierSummary>> ListForCampaignAsync(Guid campaignId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select s.id, s.name, s.email, s.country, s.spend, cs.in_scope, s.contact_name, s.code, s.status, cs.scope_reason
              from workflow.campaign_suppliers cs join workflow.suppliers s on s.id = cs.supplier_id
             where cs.campaign_id = @c order by s.name
            """);
        cmd.Parameters.AddWithValue("c", campaignId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<SupplierSummary>();
        while (await r.ReadAsync(ct))
            list.Add(new SupplierSummary(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetDecimal(4), r.GetBoolean(5), r.IsDBNull(6) ? null : r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9)));
        return list;
    }
}
