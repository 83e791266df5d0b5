using Npgsql;
using Workflow.Domain.Cases;
using Workflow.Infrastructure.Cases;

namespace Workflow.Infrastructure.Campaigns;

public sealed class CampaignStore(NpgsqlDataSource db, TimeProvider clock, IFollowUpClock followUp, IEnumerable<ICampaignLaunchListener> launchListeners)
{
    public async Task<Guid> CreateAsync(string name, DateOnly periodStart, DateOnly periodEnd, DateOnly responseDueDate,
        string actor, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await using var cmd = db.CreateCommand("""
            insert into workflow.campaigns (id, name, period_start, period_end, response_due_date, created_at, created_by)
            values (@id, @name, @start, @end, @due, @now, @actor)
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
            select id, name, period_start, period_end, response_due_date, policy_version, launched_at, created_at
              from workflow.campaigns where id = @id
            """);
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Read(r) : null;
    }

    public async Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select id, name, period_start, period_end, response_due_date, policy_version, launched_at, created_at
              from workflow.campaigns order by created_at desc
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<Campaign>();
        while (await r.ReadAsync(ct)) list.Add(Read(r));
        return list;
    }

    /// <summary>
    /// Opens a case in Surveyed for every in-scope supplier of the campaign that has none yet, set-based so that
    /// 100,000 suppliers take seconds. Returns the ids of the cases opened by this call (re-launching is harmless).
    /// Each opened case gets its survey e-mail in the outbox in the same statement, so a case never exists unsurveyed.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> LaunchAsync(Guid campaignId, string actor, CancellationToken ct)
    {
        var campaign = await GetAsync(campaignId, ct) ?? throw new NotFoundException("Campaign", campaignId);
        var now = clock.GetUtcNow();
        var due = followUp.DueAt(CaseStage.AwaitingResponse, now, campaign.ResponseDueDate);

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var mark = new NpgsqlCommand(
            "update workflow.campaigns set launched_at = coalesce(launched_at, @now) where id = @id", conn, tx))
        {
            mark.Parameters.AddWithValue("now", now);
            mark.Parameters.AddWithValue("id", campaignId);
            await mark.ExecuteNonQueryAsync(ct);
        }
        var opened = new List<Guid>();
        await using (var open = new NpgsqlCommand("""
            with candidates as (
                select cs.supplier_id
                  from workflow.campaign_suppliers cs
                  join workflow.suppliers s on s.id = cs.supplier_id
                 where cs.campaign_id = @campaign and s.in_scope
                   and not exists (select 1 from workflow.cases c where c.campaign_id = @campaign and c.supplier_id = cs.supplier_id)
            ), opened as (
                insert into workflow.cases (id, campaign_id, supplier_id, state, stage, version, due_at, created_at, updated_at)
                select gen_random_uuid(), @campaign, supplier_id, 'Surveyed', 'AwaitingResponse', 1, @due, @now, @now
                  from candidates
                on conflict (campaign_id, supplier_id) do nothing
                returning id
            ), surveyed as (
                insert into workflow.outbox (case_id, kind, occurrence, created_at, next_attempt_at)
                select id, 'survey', '1', @now, @now from opened
            ), audited as (
                insert into workflow.audit_entries (case_id, at, from_state, to_state, from_stage, to_stage, trigger, actor, reason, case_version)
                select id, @now, null, 'Surveyed', null, 'AwaitingResponse', 'Launched', @actor, 'campaign launched: CMRT requested', 1
                  from opened
            )
            select id from opened
            """, conn, tx))
        {
            open.Parameters.AddWithValue("campaign", campaignId);
            open.Parameters.AddWithValue("due", (object?)due ?? DBNull.Value);
            open.Parameters.AddWithValue("now", now);
            open.Parameters.AddWithValue("actor", actor);
            await using var r = await open.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) opened.Add(r.GetGuid(0));
        }
        await tx.CommitAsync(ct);
        if (opened.Count > 0 && due is not null)
            foreach (var l in launchListeners) await l.OnLaunchedAsync(campaignId, opened.Count, due.Value, ct);
        return opened;
    }

    private static Campaign Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetFieldValue<DateOnly>(3),
        r.GetFieldValue<DateOnly>(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6),
        r.GetFieldValue<DateTimeOffset>(7));
}
