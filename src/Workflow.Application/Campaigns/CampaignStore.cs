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
    /// <summary>In-scope suppliers a launch would survey now (no case yet, not inactive or merged).</summary>
    public async Task<int> NotYetSurveyedAsync(Guid campaignId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select count(*) from workflow.campaign_suppliers cs join workflow.suppliers s on s.id = cs.supplier_id
             where cs.campaign_id = @campaign and cs.in_scope and s.status <> 'inactive' and s.merged_into is null
               and not exists (select 1 from workflow.cases c where c.campaign_id = @campaign and c.supplier_id = cs.supplier_id)
            """);
        cmd.Parameters.AddWithValue("campaign", campaignId);
        return (int)(long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The campaign's supplier counts in one query (see <see cref="CampaignScope"/>).</summary>
    public async Task<CampaignScope> ScopeAsync(Guid campaignId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select count(*)::int,
                   (count(*) filter (where e.eligible))::int,
                   (count(*) filter (where e.eligible and not exists (
                        select 1 from workflow.cases c where c.campaign_id = @campaign and c.supplier_id = cs.supplier_id)))::int
              from workflow.campaign_suppliers cs
              join workflow.suppliers s on s.id = cs.supplier_id
             cross join lateral (select cs.in_scope and s.status <> 'inactive' and s.merged_into is null as eligible) e
             where cs.campaign_id = @campaign
            """);
        cmd.Parameters.AddWithValue("campaign", campaignId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new CampaignScope(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2));
    }

    public Task<IReadOnlyList<Guid>> LaunchAsync(Guid campaignId, string actor, CancellationToken ct) => LaunchAsync(campaignId, null, actor, ct);

    /// <param name="wave">Which of the not yet surveyed suppliers to launch now; null launches all of them.</param>
    public async Task<IReadOnlyList<Guid>> LaunchAsync(Guid campaignId, LaunchWave? wave, string actor, CancellationToken ct)
    {
        _ = await GetAsync(campaignId, ct) ?? throw new NotFoundException("Campaign", campaignId);
        var now = clock.GetUtcNow();
        var cause = new TransitionCause(actor, wave is null ? "campaign launched: CMRT requested" : $"campaign launched ({wave.Describe()}): CMRT requested");

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // Also the campaign's row lock: a second launch of the campaign waits here, then finds the cases this one opened.
        bool wasLaunched;
        await using (var mark = new NpgsqlCommand(
            "select launched_at is not null from workflow.campaigns where id = @id for update", conn, tx))
        {
            mark.Parameters.AddWithValue("id", campaignId);
            wasLaunched = (bool)(await mark.ExecuteScalarAsync(ct))!;
        }
        await using (var mark = new NpgsqlCommand(
            "update workflow.campaigns set launched_at = coalesce(launched_at, @now) where id = @id", conn, tx))
        {
            mark.Parameters.AddWithValue("now", now);
            mark.Parameters.AddWithValue("id", campaignId);
            await mark.ExecuteNonQueryAsync(ct);
        }
        // Inactive and merged records are never surveyed; a terminated supplier someone put in scope is (the import warned).
        var eligible = new List<LaunchCandidate>();
        await using (var select = new NpgsqlCommand("""
            select cs.supplier_id, s.name, s.spend, s.delivery_qty, s.priority,
                   exists (select 1 from workflow.cases c where c.campaign_id = @campaign and c.supplier_id = cs.supplier_id)
              from workflow.campaign_suppliers cs
              join workflow.suppliers s on s.id = cs.supplier_id
             where cs.campaign_id = @campaign and cs.in_scope and s.status <> 'inactive' and s.merged_into is null
            """, conn, tx))
        {
            select.Parameters.AddWithValue("campaign", campaignId);
            await using var r = await select.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                eligible.Add(new LaunchCandidate(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetDecimal(2),
                    r.IsDBNull(3) ? null : r.GetDecimal(3), r.IsDBNull(4) ? null : r.GetInt32(4), r.GetBoolean(5)));
        }
        // A first launch with no one to survey would mark the campaign launched and survey no one: refused, nothing written.
        if (eligible.Count == 0 && !wasLaunched)
            throw new NothingToLaunchException(
                "This campaign has no in-scope supplier to send the CMRT request to. Import suppliers (or bring them into scope) first, then launch.");
        var candidates = LaunchWaves.Select(eligible, wave).Select(c => (Guid.CreateVersion7(), c.SupplierId)).ToList();
        var results = new List<TransitionResult>(candidates.Count);
        foreach (var batch in candidates.Chunk(LaunchBatch))
            results.AddRange(await transitions.OpenAsync(conn, tx, campaignId, batch, cause, now, ct));
        // Carry-over: each new case points at the same supplier's case in the campaign this one was made from.
        await using (var link = new NpgsqlCommand("""
            update workflow.cases c set previous_case_id = p.id
              from workflow.campaigns k, workflow.cases p
             where k.id = @campaign and c.campaign_id = k.id and c.previous_case_id is null
               and p.campaign_id = k.copied_from and p.supplier_id = c.supplier_id
            """, conn, tx))
        {
            link.Parameters.AddWithValue("campaign", campaignId);
            await link.ExecuteNonQueryAsync(ct);
        }
        var opened = results.Where(r => r.Applied).Select(r => r.Request.CaseId).ToList();
        await CampaignAudit.AppendAsync(conn, tx, campaignId, now, actor, "launched", wave?.Describe() ?? "all suppliers not yet surveyed",
            new { wave, casesOpened = opened.Count, notYetSurveyed = eligible.Count(e => !e.Surveyed) - opened.Count }, ct);
        await tx.CommitAsync(ct);
        await transitions.NotifyAsync(results, ct);
        return opened;
    }

    /// <summary>
    /// A new campaign from an earlier one: its in-scope and out-of-scope suppliers with their scope reasons, its policy
    /// pin (unless another version is given), leaving out inactive and terminated suppliers unless asked to keep them.
    /// Cases opened at launch point at the supplier's case in <paramref name="copyFrom"/>.
    /// </summary>
    public async Task<CarryOver> CreateFromAsync(Guid copyFrom, string name, DateOnly periodStart, DateOnly periodEnd, DateOnly responseDueDate,
        (string Version, string Sha256)? policy, bool includeInactive, bool includeTerminated, string actor, CancellationToken ct)
    {
        var source = await GetAsync(copyFrom, ct) ?? throw new NotFoundException("Campaign", copyFrom);
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var insert = new NpgsqlCommand("""
            insert into workflow.campaigns (id, name, period_start, period_end, response_due_date, created_at, created_by, policy_version, policy_sha256, copied_from)
            select @id, @name, @start, @end, @due, @now, @actor, coalesce(@version, k.policy_version), coalesce(@sha, k.policy_sha256), k.id
              from workflow.campaigns k where k.id = @from
            """, conn, tx))
        {
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("name", name);
            insert.Parameters.AddWithValue("start", periodStart);
            insert.Parameters.AddWithValue("end", periodEnd);
            insert.Parameters.AddWithValue("due", responseDueDate);
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("actor", actor);
            insert.Parameters.AddWithValue("version", (object?)policy?.Version ?? DBNull.Value);
            insert.Parameters.AddWithValue("sha", (object?)policy?.Sha256 ?? DBNull.Value);
            insert.Parameters.AddWithValue("from", copyFrom);
            await insert.ExecuteNonQueryAsync(ct);
        }
        int copied, leftOut;
        await using (var copy = new NpgsqlCommand("""
            insert into workflow.campaign_suppliers (campaign_id, supplier_id, added_at, in_scope, scope_reason)
            select @id, cs.supplier_id, @now, cs.in_scope, cs.scope_reason
              from workflow.campaign_suppliers cs join workflow.suppliers s on s.id = cs.supplier_id
             where cs.campaign_id = @from and s.merged_into is null
               and (s.status = 'active' or (s.status = 'inactive' and @inactive) or (s.status = 'terminated' and @terminated))
            """, conn, tx))
        {
            copy.Parameters.AddWithValue("id", id);
            copy.Parameters.AddWithValue("now", now);
            copy.Parameters.AddWithValue("from", copyFrom);
            copy.Parameters.AddWithValue("inactive", includeInactive);
            copy.Parameters.AddWithValue("terminated", includeTerminated);
            copied = await copy.ExecuteNonQueryAsync(ct);
        }
        await using (var count = new NpgsqlCommand("select count(*) from workflow.campaign_suppliers where campaign_id = @from", conn, tx))
        {
            count.Parameters.AddWithValue("from", copyFrom);
            leftOut = (int)(long)(await count.ExecuteScalarAsync(ct))! - copied;
        }
        await CampaignAudit.AppendAsync(conn, tx, id, now, actor, "carried-over", $"new campaign from {source.Name}",
            new { copyFrom, suppliersCopied = copied, suppliersLeftOut = leftOut, includeInactive, includeTerminated }, ct);
        await tx.CommitAsync(ct);
        return new CarryOver(id, copied, leftOut);
    }

    private static Campaign Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetFieldValue<DateOnly>(3),
        r.GetFieldValue<DateOnly>(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6),
        r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetString(8));
}
