using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Workflow.Application.Campaigns;
using Workflow.Application.Cases;
using Workflow.Application.Reports;

namespace Workflow.Application.Reports.Rollup;

/// <summary>One saved version of a campaign's roll-up overrides.</summary>
public sealed record RollupOverridesVersion(long Id, RollupOverrides Overrides, DateTimeOffset SetAt, string SetBy);

/// <summary>Overrides are appended, never updated: the newest row is in force, the older ones are the audit trail.</summary>
public sealed class RollupOverrideStore(NpgsqlDataSource db, CampaignStore campaigns, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<RollupOverridesVersion> SaveAsync(Guid campaignId, RollupOverrides overrides, string actor, CancellationToken ct)
    {
        _ = await campaigns.GetAsync(campaignId, ct) ?? throw new NotFoundException("Campaign", campaignId);
        var at = clock.GetUtcNow();
        await using var cmd = db.CreateCommand("""
            insert into workflow.rollup_overrides (campaign_id, overrides, set_at, set_by) values (@c, @o, @at, @by) returning id
            """);
        cmd.Parameters.AddWithValue("c", campaignId);
        cmd.Parameters.AddWithValue("o", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(overrides, Json));
        cmd.Parameters.AddWithValue("at", at);
        cmd.Parameters.AddWithValue("by", actor);
        var id = (long)(await cmd.ExecuteScalarAsync(ct))!;
        return new RollupOverridesVersion(id, overrides, at, actor);
    }

    /// <summary>All versions, newest first.</summary>
    public async Task<IReadOnlyList<RollupOverridesVersion>> HistoryAsync(Guid campaignId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select id, overrides::text, set_at, set_by from workflow.rollup_overrides where campaign_id = @c order by id desc
            """);
        cmd.Parameters.AddWithValue("c", campaignId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<RollupOverridesVersion>();
        while (await r.ReadAsync(ct))
            list.Add(new RollupOverridesVersion(r.GetInt64(0), JsonSerializer.Deserialize<RollupOverrides>(r.GetString(1), Json) ?? RollupOverrides.None,
                r.GetFieldValue<DateTimeOffset>(2), r.GetString(3)));
        return list;
    }

    public async Task<RollupOverrides> CurrentAsync(Guid campaignId, CancellationToken ct) =>
        (await HistoryAsync(campaignId, ct)).FirstOrDefault()?.Overrides ?? RollupOverrides.None;
}
