using System.Text;
using Npgsql;

namespace Workflow.Application.Queries;

public sealed record EscalationFilter(Guid? CampaignId, string? Reason, int? MinAgeDays, int Page, int PageSize)
{
    public long Offset => Paging.Offset(Page, PageSize);
}

public sealed record EscalationRow(Guid CaseId, string Reference, int Version, Guid CampaignId, string CampaignName, string SupplierName,
    string Stage, string? Reason, DateTimeOffset EscalatedAt, DateTimeOffset? DueAt);

public sealed record EscalationQueuePage(IReadOnlyList<EscalationRow> Rows, int Total, EscalationFilter Filter)
{
    public int PageCount => Paging.PageCount(Total, Filter.PageSize);
}

/// <summary>
/// The management queue: escalated cases oldest first, one page at a time. Only the conditions in use are put into
/// the SQL, so each filter combination walks the partial indexes on (escalated_at, id) or (campaign_id, escalated_at, id).
/// </summary>
public sealed class EscalationQueueQuery(NpgsqlDataSource db, TimeProvider clock)
{
    public async Task<EscalationQueuePage> PageAsync(EscalationFilter filter, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var where = new StringBuilder("c.state = 'Escalated'");
        var parameters = new List<NpgsqlParameter>();
        if (filter.CampaignId is Guid campaign)
        {
            where.Append(" and c.campaign_id = @campaign");
            parameters.Add(new NpgsqlParameter("campaign", campaign));
        }
        if (!string.IsNullOrWhiteSpace(filter.Reason))
        {
            where.Append(" and c.escalation_reason ilike @reason");
            parameters.Add(new NpgsqlParameter("reason", "%" + EscapeLike(filter.Reason.Trim()) + "%"));
        }
        if (filter.MinAgeDays is int days and > 0)
        {
            where.Append(" and c.escalated_at <= @before");
            // Capped at a century, beyond which every escalation qualifies anyway (and dates would overflow).
            parameters.Add(new NpgsqlParameter("before", clock.GetUtcNow().AddDays(-Math.Min(days, 36_500))));
        }

        int total;
        await using (var count = new NpgsqlCommand($"select count(*) from workflow.cases c where {where}", conn))
        {
            count.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            total = Convert.ToInt32(await count.ExecuteScalarAsync(ct));
        }
        filter = filter with { Page = Paging.Clamp(filter.Page, total, filter.PageSize) };

        var rows = new List<EscalationRow>(filter.PageSize);
        // Skipping to a deep page walks the index over cases alone; only the page's rows are joined to suppliers and campaigns.
        await using (var page = new NpgsqlCommand($"""
            with page as (
                select c.id from workflow.cases c where {where}
                 order by c.escalated_at, c.id offset @offset limit @limit)
            select c.id, c.reference, c.version, c.campaign_id, k.name, s.name, c.stage, c.escalation_reason, c.escalated_at, c.due_at
              from page p
              join workflow.cases c on c.id = p.id
              join workflow.suppliers s on s.id = c.supplier_id
              join workflow.campaigns k on k.id = c.campaign_id
             order by c.escalated_at, c.id
            """, conn))
        {
            page.Parameters.AddRange(parameters.ToArray());
            page.Parameters.AddWithValue("offset", filter.Offset);
            page.Parameters.AddWithValue("limit", filter.PageSize);
            await using var r = await page.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                rows.Add(new EscalationRow(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.GetGuid(3), r.GetString(4), r.GetString(5),
                    r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetFieldValue<DateTimeOffset>(8),
                    r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9)));
        }
        return new EscalationQueuePage(rows, total, filter);
    }

    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
