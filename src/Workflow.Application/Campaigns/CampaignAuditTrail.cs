using System.Text.Json;
using Npgsql;

namespace Workflow.Application.Campaigns;

/// <summary>One campaign-level change: who, when, what (a kebab-case action such as <c>policy-repinned</c>) and why.</summary>
public sealed record CampaignAuditEntry(DateTimeOffset At, string Actor, string Action, string Reason, JsonElement? Detail);

/// <summary>
/// Reads the campaign's audit trail (<c>workflow.campaign_audit</c>), newest first. The entries are written by the
/// changes themselves (re-pins, legal holds, frozen filings, the retention purge) through <c>CampaignAudit</c>.
/// </summary>
public sealed class CampaignAuditTrail(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<CampaignAuditEntry>> ListAsync(Guid campaignId, CancellationToken ct)
    {
        // Newest first; id breaks ties between entries written in the same instant.
        await using var cmd = db.CreateCommand("""
            select at, actor, action, reason, detail::text from workflow.campaign_audit
             where campaign_id = @c order by at desc, id desc
            """);
        cmd.Parameters.AddWithValue("c", campaignId);
        var entries = new List<CampaignAuditEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            entries.Add(new CampaignAuditEntry(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.GetString(3),
                r.IsDBNull(4) ? null : Parse(r.GetString(4))));
        return entries;
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
