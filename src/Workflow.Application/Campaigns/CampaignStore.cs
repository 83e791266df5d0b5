using Npgsql;
using Workflow.Domain.Cases;
using Workflow.Application.Cases;

namespace Workflow.Application.Campaigns;

public sealed class CampaignStore(NpgsqlDataSource db, TimeProvider clock, CaseTransitions transitions)
{
    /// <summary>Cases opened per statement at launch.</summary>
    public const int LaunchBatch = 10_000;

    public async Task<Guid> CreateAsync(string name, DateOnly periodStart, DateOnly periodEnd, DateOnly responseDueDate,
        string actor, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await using var cmd = db.CreateCommand("""
            insert into workflow.campaigns (id, name, period_start, period_end, response_due_date, created_at, created_by, policy_sha256)
            values (@id, @name, @start, @end, @due, @now, @actor,
                    (select sha256 from workflow.policy_versions where version = 'default' and status = 'active'))
            """);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("name", name);
        cmd.Parameters.AddWithValue("start", periodStart);
        cmd.Parameters.AddWithValue("end", periodEnd);
        cmd.Parameters.AddWithValue("due", responseDueDate);
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        cmd.Parameters.AddWithValue("actor", actor);
        await cmd.ExecuteNonQueryAsync(ct);
        return id;
    }

    public async Task<Campaign?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select id, name, period_start, period_end, response_due_date, policy_version, launched_at, created_at, policy_sha256
              from workflow.campaigns where id = @id
            """);
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Read(r) : null;
    }

    public async Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select id, name, period_start, period_end, response_due_date, policy_version, launched_at, created_at, policy_sha256
              from workflow.campaigns order by created_at desc
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<Campaign>();
        while (await r.ReadAsync(ct)) list.Add(Read(r));
        return list;
    }

    /// <summary>
    /// Opens a case for every in-scope supplier of the campaign that has none yet and launches it through the case
    /// machine (<see cref="CaseTransitions.OpenAsync"/>): cases, audit entries and survey e-mails are written in batches
    /// of <see cref="LaunchBatch"/>, a few statements each, all in one transaction, so a case never exists unsurveyed and
    /// 100,000 suppliers take seconds. Returns the ids of the cases opened by this call (re-launching is harmless).
    /// </summary>
    public async Task<IReadOnlyList<Guid>> LaunchAsync(Guid campaignId, string actor, CancellationToken ct)
    {
        _ = await GetAsync(campaignId, ct) ?? throw new NotFoundException("Campaign", campaignId);
        var now = clock.GetUtcNow();
        var cause = new TransitionCause(actor, "campaign launched: CMRT requested");

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // Also the campaign's row lock: a second launch of the campaign waits here, then finds the cases this one opened.
        await using (var mark = new NpgsqlCommand(
            "update workflow.campaigns set launched_at = coalesce(launched_at, @now) where id = @id", conn, tx))
        {
            mark.Parameters.AddWithValue("now", now);
            mark.Parameters.AddWithValue("id", campaignId);
            await mark.ExecuteNonQueryAsync(ct);
        }
        var candidates = new List<(Guid CaseId, Guid SupplierId)>();
        await using (var select = new NpgsqlCommand("""
            select cs.supplier_id
              from workflow.campaign_suppliers cs
              join workflow.suppliers s on s.id = cs.supplier_id
             where cs.campaign_id = @campaign and s.in_scope
               and not exists (select 1 from workflow.cases c where c.campaign_id = @campaign and c.supplier_id = cs.supplier_id)
            """, conn, tx))
        {
            select.Parameters.AddWithValue("campaign", campaignId);
            await using var r = await select.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) candidates.Add((Guid.CreateVersion7(), r.GetGuid(0)));
        }
        var results = new List<TransitionResult>(candidates.Count);
        foreach (var batch in candidates.Chunk(LaunchBatch))
            results.AddRange(await transitions.OpenAsync(conn, tx, campaignId, batch, cause, now, ct));
        await tx.CommitAsync(ct);
        await transitions.NotifyAsync(results, ct);
        return results.Where(r => r.Applied).Select(r => r.Request.CaseId).ToList();
    }

    private static Campaign Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetFieldValue<DateOnly>(3),
        r.GetFieldValue<DateOnly>(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6),
        r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetString(8));
}
