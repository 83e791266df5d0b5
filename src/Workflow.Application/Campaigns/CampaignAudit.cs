using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Workflow.Application.Campaigns;

/// <summary>
/// Writes a campaign-level audit entry (re-pin, launch, carry-over, filing, legal hold, purge, re-evaluation) inside
/// the caller's transaction; <see cref="CampaignAuditTrail"/> reads them.
/// </summary>
public static class CampaignAudit
{
    public static async Task AppendAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid campaignId, DateTimeOffset at,
        string actor, string action, string reason, object? detail, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into workflow.campaign_audit (campaign_id, at, actor, action, reason, detail)
            values (@c, @at, @actor, @action, @reason, @detail)
            """, conn, tx);
        cmd.Parameters.AddWithValue("c", campaignId);
        cmd.Parameters.AddWithValue("at", at);
        cmd.Parameters.AddWithValue("actor", actor);
        cmd.Parameters.AddWithValue("action", action);
        cmd.Parameters.AddWithValue("reason", reason);
        cmd.Parameters.AddWithValue("detail", NpgsqlDbType.Jsonb, detail is null ? DBNull.Value : JsonSerializer.Serialize(detail));
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
