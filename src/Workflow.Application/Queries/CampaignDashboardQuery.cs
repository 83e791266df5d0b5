using Npgsql;

namespace Workflow.Application.Queries;

public sealed record DailyResponses(DateOnly Day, int FirstResponses);
public sealed record CodeCount(string Code, string Example, int Count);
public sealed record RedFlagSmelter(string? Cid, string Name, string? Country, string Metal, int Suppliers);

public sealed record CampaignDashboard(
    int Cases,
    IReadOnlyDictionary<string, int> CountsByState,
    IReadOnlyList<DailyResponses> ResponsesByDay,
    IReadOnlyList<CodeCount> InvalidReasons,
    IReadOnlyList<RedFlagSmelter> RedFlagSmelters)
{
    public int Responded => ResponsesByDay.Sum(d => d.FirstResponses);
}

/// <summary>A campaign's figures, computed from cases and the stored evaluations (never kept as separate counters).</summary>
public sealed class CampaignDashboardQuery(NpgsqlDataSource db)
{
    public async Task<CampaignDashboard> GetAsync(Guid campaignId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var counts = new Dictionary<string, int>();
        await using (var cmd = new NpgsqlCommand("select state, count(*)::int from workflow.cases where campaign_id = @id group by state", conn))
        {
            cmd.Parameters.AddWithValue("id", campaignId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) counts[r.GetString(0)] = r.GetInt32(1);
        }

        // A case counts as responded on the day of its first submission, whatever came of it.
        var days = new List<DailyResponses>();
        await using (var cmd = new NpgsqlCommand("""
            select (first_at at time zone 'UTC')::date, count(*)::int
              from (select s.case_id, min(s.received_at) first_at
                      from workflow.submissions s join workflow.cases c on c.id = s.case_id
                     where c.campaign_id = @id group by s.case_id) x
             group by 1 order by 1
            """, conn))
        {
            cmd.Parameters.AddWithValue("id", campaignId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) days.Add(new DailyResponses(DateOnly.FromDateTime(r.GetDateTime(0)), r.GetInt32(1)));
        }

        var invalid = new List<CodeCount>();
        await using (var cmd = new NpgsqlCommand("""
            select f->>'code', min(f->>'message'), count(distinct s.case_id)::int
              from workflow.submissions s join workflow.cases c on c.id = s.case_id
                   cross join lateral workflow.current_evaluation(s.id) e,
                   jsonb_array_elements(e.evaluation->'findings') f
             where c.campaign_id = @id and f->>'severity' = 'Error'
             group by 1 order by 3 desc, 1 limit 10
            """, conn))
        {
            cmd.Parameters.AddWithValue("id", campaignId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) invalid.Add(new CodeCount(r.GetString(0), r.IsDBNull(1) ? "" : r.GetString(1), r.GetInt32(2)));
        }

        var smelters = new List<RedFlagSmelter>();
        await using (var cmd = new NpgsqlCommand("""
            select m->>'cid', coalesce(min(m->>'name'), '(unnamed)'), min(m->>'country'), min(m->>'metal'), count(distinct s.case_id)::int
              from workflow.submissions s join workflow.cases c on c.id = s.case_id
                   cross join lateral workflow.current_evaluation(s.id) e,
                   jsonb_array_elements(e.evaluation->'smelters') m
             where c.campaign_id = @id and (m->>'redFlag')::boolean
             group by m->>'cid', case when m->>'cid' is null then lower(m->>'name') end
             order by 5 desc, 2 limit 10
            """, conn))
        {
            cmd.Parameters.AddWithValue("id", campaignId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                smelters.Add(new RedFlagSmelter(r.IsDBNull(0) ? null : r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                    r.IsDBNull(3) ? "" : r.GetString(3), r.GetInt32(4)));
        }
        return new CampaignDashboard(counts.Values.Sum(), counts, days, invalid, smelters);
    }
}
