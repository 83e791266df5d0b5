using Npgsql;

namespace Workflow.Application.Bounces;

/// <summary>
/// The "contact needed" list: a case is on it while its supplier's primary address (the one every message goes To) has
/// an open bounce, i.e. the survey did not reach the supplier. A bounced Cc contact alone does not put it there: the
/// primary still receives every message, and the case page shows the bounce. Terminated cases are left off.
/// </summary>
public sealed class ContactNeeded(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<ContactNeededEntry>> ForCampaignAsync(Guid campaignId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select c.id, c.reference, s.id, s.name, b.email, b.bounced_at, b.status_code, b.diagnostic
              from workflow.cases c
              join workflow.suppliers s on s.id = c.supplier_id
              join lateral (select * from workflow.contact_bounces b
                             where b.supplier_id = s.id and b.resolved_at is null and lower(b.email) = lower(s.email)
                             order by b.bounced_at desc, b.id desc limit 1) b on true
             where c.campaign_id = @campaign and c.state <> 'Terminated'
             order by b.bounced_at, c.reference
            """);
        cmd.Parameters.AddWithValue("campaign", campaignId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<ContactNeededEntry>();
        while (await r.ReadAsync(ct))
            list.Add(new ContactNeededEntry(r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetString(3), r.GetString(4),
                r.GetFieldValue<DateTimeOffset>(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7)));
        return list;
    }

    /// <summary>Every bounce of the case's supplier, open ones first, for the case page.</summary>
    public async Task<IReadOnlyList<ContactBounce>> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select b.email, b.bounced_at, b.status_code, b.diagnostic, b.message_record_id, b.resolved_at, b.resolved_by, b.resolution,
                   lower(b.email) = lower(s.email)
              from workflow.cases c
              join workflow.suppliers s on s.id = c.supplier_id
              join workflow.contact_bounces b on b.supplier_id = c.supplier_id
             where c.id = @case
             order by b.resolved_at is not null, b.bounced_at desc, b.id desc
            """);
        cmd.Parameters.AddWithValue("case", caseId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<ContactBounce>();
        while (await r.ReadAsync(ct))
            list.Add(new ContactBounce(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetInt64(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5), r.IsDBNull(6) ? null : r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7), r.GetBoolean(8)));
        return list;
    }
}

/// <summary>One line of <c>GET /api/campaigns/{id}/contact-needed</c>: whose survey did not arrive, and why.</summary>
public sealed record ContactNeededEntry(Guid CaseId, string Reference, Guid SupplierId, string SupplierName, string Email,
    DateTimeOffset BouncedAt, string? StatusCode, string? Diagnostic);

/// <summary>A bounce of one of the supplier's addresses as the case page shows it.</summary>
/// <param name="IsPrimary">The address is the supplier's e-mail now (the To of every message).</param>
public sealed record ContactBounce(string Email, DateTimeOffset BouncedAt, string? StatusCode, string? Diagnostic, long? MessageRecordId,
    DateTimeOffset? ResolvedAt, string? ResolvedBy, string? Resolution, bool IsPrimary);
