using System.Text;
using Npgsql;
using Workflow.Application.Wording;

namespace Workflow.Application.Queries;

public sealed record SupplierFilter(string? State, string? Country, string? Name, int Page, int PageSize);

public sealed record SupplierRow(Guid SupplierId, string Name, string Email, string? Country, Guid? CaseId, string? Reference,
    string? State, string? LastOutcome)
{
    /// <summary>The case's stage (a product-level request shows as such).</summary>
    public string? Stage { get; init; }

    /// <summary>The management decision that shaped the case's current state, if one did.</summary>
    public ShownDecision? Decision { get; init; }
}

public sealed record SupplierListPage(IReadOnlyList<SupplierRow> Rows, int Total, IReadOnlyList<string> Countries, SupplierFilter Filter)
{
    public int PageCount => Paging.PageCount(Total, Filter.PageSize);
}

/// <summary>A campaign's suppliers with their case (if launched), filtered by state, country and name.</summary>
public sealed class SupplierListQuery(NpgsqlDataSource db, global::Workflow.StateMachines.CaseMachine machine)
{
    public async Task<SupplierListPage> PageAsync(Guid campaignId, SupplierFilter filter, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var where = new StringBuilder("cs.campaign_id = @campaign");
        var parameters = new List<NpgsqlParameter> { new("campaign", campaignId) };
        if (!string.IsNullOrWhiteSpace(filter.State))
        {
            if (filter.State == "none")
            {
                where.Append(" and c.id is null");
            }
            else
            {
                // A visible state, or a stage with the stages below it (ProductLevelRequested).
                where.Append(" and (c.state = @state or c.stage = any(@stages))");
                parameters.Add(new NpgsqlParameter("state", filter.State));
                parameters.Add(new NpgsqlParameter("stages", machine.StagesWithin(filter.State).Select(s => s.Name).ToArray()));
            }
        }

        var countries = new List<string>();
        await using (var cmd = new NpgsqlCommand("""
            select distinct s.country from workflow.campaign_suppliers cs join workflow.suppliers s on s.id = cs.supplier_id
             where cs.campaign_id = @campaign and s.country is not null order by 1
            """, conn))
        {
            cmd.Parameters.AddWithValue("campaign", campaignId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) countries.Add(r.GetString(0));
        }
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            // The filter names a country (its code); the register may spell it several ways ("DRC", "CD", ...).
            var key = CountryNames.KeyOf(filter.Country);
            var spellings = countries.Where(c => CountryNames.KeyOf(c) == key).Append(filter.Country).Distinct().ToArray();
            where.Append(" and s.country = any(@country)");
            parameters.Add(new NpgsqlParameter("country", spellings));
        }
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            where.Append(" and (s.name ilike @name or s.email ilike @name)");
            parameters.Add(new NpgsqlParameter("name", "%" + filter.Name.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%"));
        }
        const string from = """
            workflow.campaign_suppliers cs
            join workflow.suppliers s on s.id = cs.supplier_id
            left join workflow.cases c on c.campaign_id = cs.campaign_id and c.supplier_id = cs.supplier_id
            """;

        int total;
        await using (var count = new NpgsqlCommand($"select count(*)::int from {from} where {where}", conn))
        {
            count.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            total = (int)(await count.ExecuteScalarAsync(ct))!;
        }
        filter = filter with { Page = Paging.Clamp(filter.Page, total, filter.PageSize) };
        var rows = new List<SupplierRow>();
        await using (var page = new NpgsqlCommand($"""
            select s.id, s.name, s.email, s.country, c.id, c.reference, c.state, c.last_outcome, c.stage, d.decision_trigger, d.decision_reason
              from {from}
              {ShownDecision.LateralJoin}
             where {where}
             order by lower(s.name), s.id offset @offset limit @limit
            """, conn))
        {
            page.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            page.Parameters.AddWithValue("offset", Paging.Offset(filter.Page, filter.PageSize));
            page.Parameters.AddWithValue("limit", filter.PageSize);
            await using var r = await page.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                rows.Add(new SupplierRow(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetGuid(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
                    r.IsDBNull(7) ? null : r.GetString(7))
                {
                    Stage = r.IsDBNull(8) ? null : r.GetString(8),
                    Decision = r.IsDBNull(9) ? null : ShownDecision.Of(r.GetString(9), r.GetString(10)),
                });
        }
        return new SupplierListPage(rows, total, countries, filter);
    }
}
