using Workflow.Application.Campaigns;
using Microsoft.Extensions.Options;
using Npgsql;
using Workflow.Application.Cases;
using Workflow.Application.Policies;

namespace Workflow.Application.Retention;

/// <summary>What one purge removed from one campaign.</summary>
public sealed record PurgedCampaign(Guid CampaignId, string Name, DateOnly PeriodEnd, int Files, int Messages);

/// <summary>
/// Removes the stored files and message bodies of campaigns whose reporting period ended more than
/// <see cref="RetentionOptions.RetentionYears"/> ago and that are not under a legal hold. Metadata, hashes, evaluations,
/// the audit trail and frozen filings stay; each removal is recorded in the campaign's audit trail. This is the only
/// code that sets the flag the immutability triggers let through, and only for emptying content.
/// </summary>
public sealed class RetentionPurge(NpgsqlDataSource db, IOptionsMonitor<RetentionOptions> options, TimeProvider clock)
{
    public const string Actor = "retention";

    public async Task<IReadOnlyList<PurgedCampaign>> RunAsync(CancellationToken ct)
    {
        var years = Math.Max(1, options.CurrentValue.RetentionYears);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // A period that ended on 2026-12-31 is kept through 2031-12-31 with five years.
        var endedBy = today.AddYears(-years).AddDays(-1);
        var due = new List<(Guid Id, string Name, DateOnly PeriodEnd)>();
        await using (var find = db.CreateCommand("""
            select c.id, c.name, c.period_end from workflow.campaigns c
             where c.period_end <= @endedBy and not c.legal_hold
               and (exists (select 1 from workflow.cases k join workflow.submissions x on x.case_id = k.id
                             where k.campaign_id = c.id and x.purged_at is null)
                 or exists (select 1 from workflow.cases k join workflow.message_records m on m.case_id = k.id
                             where k.campaign_id = c.id and m.purged_at is null))
             order by c.period_end, c.id
            """))
        {
            find.Parameters.AddWithValue("endedBy", endedBy);
            await using var r = await find.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) due.Add((r.GetGuid(0), r.GetString(1), r.GetFieldValue<DateOnly>(2)));
        }

        var purged = new List<PurgedCampaign>();
        foreach (var (id, name, periodEnd) in due) purged.Add(await PurgeAsync(id, name, periodEnd, years, ct));
        return purged;
    }

    private async Task<PurgedCampaign> PurgeAsync(Guid campaignId, string name, DateOnly periodEnd, int years, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // The hold is checked again under a row lock: a hold placed while the purge was finding campaigns wins.
        await using (var hold = new NpgsqlCommand("select legal_hold from workflow.campaigns where id = @c for update", conn, tx))
        {
            hold.Parameters.AddWithValue("c", campaignId);
            if (await hold.ExecuteScalarAsync(ct) is true)
            {
                await tx.RollbackAsync(ct);
                return new PurgedCampaign(campaignId, name, periodEnd, 0, 0);
            }
        }
        await using (var flag = new NpgsqlCommand("set local workflow.retention_purge = 'on'", conn, tx)) await flag.ExecuteNonQueryAsync(ct);
        var files = await EmptyAsync(conn, tx, "workflow.submissions", "content", campaignId, now, ct);
        var messages = await EmptyAsync(conn, tx, "workflow.message_records", "raw", campaignId, now, ct);
        // The declaration read from a file is the file's content too.
        await EmptyAsync(conn, tx, "workflow.submission_declarations", "declaration", campaignId, now, ct);
        await CampaignAudit.AppendAsync(conn, tx, campaignId, now, Actor, "records-purged",
            $"Retention of {years} years after the reporting period ended on {periodEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}: supplier files and message bodies removed.",
            new { files, messages, retentionYears = years }, ct);
        await tx.CommitAsync(ct);
        return new PurgedCampaign(campaignId, name, periodEnd, files, messages);
    }

    /// <summary>Empties one stored-content table's column for the campaign's cases (names are this class's constants, never input).</summary>
    private static async Task<int> EmptyAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string table, string column, Guid campaignId,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            update {table} t set {column} = ''::bytea, purged_at = @now
              from workflow.cases k where k.id = t.case_id and k.campaign_id = @c and t.purged_at is null
            """, conn, tx);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("c", campaignId);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Places or lifts a legal hold (audited); while it holds, the purge leaves the campaign alone.</summary>
    public async Task SetHoldAsync(Guid campaignId, bool onHold, string actor, string reason, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var update = new NpgsqlCommand("update workflow.campaigns set legal_hold = @h where id = @c", conn, tx))
        {
            update.Parameters.AddWithValue("h", onHold);
            update.Parameters.AddWithValue("c", campaignId);
            if (await update.ExecuteNonQueryAsync(ct) == 0) throw new NotFoundException("Campaign", campaignId);
        }
        await CampaignAudit.AppendAsync(conn, tx, campaignId, clock.GetUtcNow(), actor, onHold ? "legal-hold-placed" : "legal-hold-lifted", reason, null, ct);
        await tx.CommitAsync(ct);
    }

    public async Task<bool> IsOnHoldAsync(Guid campaignId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select legal_hold from workflow.campaigns where id = @c");
        cmd.Parameters.AddWithValue("c", campaignId);
        return await cmd.ExecuteScalarAsync(ct) as bool? ?? throw new NotFoundException("Campaign", campaignId);
    }
}
