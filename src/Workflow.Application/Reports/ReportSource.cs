using Npgsql;
using Workflow.Application.Campaigns;
using Workflow.Application.Cases;

namespace Workflow.Application.Reports;

/// <summary>
/// Reads what the campaign reports are computed from: one row per case plus the versions every submission named. Each
/// submission counts with its current evaluation as of the cutoff (workflow.current_evaluation: its latest
/// re-evaluation before the cutoff, else the evaluation it arrived with).
/// </summary>
public sealed class ReportSource(NpgsqlDataSource db, CampaignStore campaigns)
{
    /// <summary>Outcomes that count as a valid response: a red flag is a valid CMRT that needs follow-up.</summary>
    private const string ValidOutcomes = "('accepted', 'red-flag')";

    /// <param name="cutoff">
    /// Count only what had happened before this instant (a filing's "effort through" date): cases launched, submissions
    /// received and audit entries written before it, each case in the state its last earlier audit entry left it.
    /// Null: everything up to now.
    /// </param>
    public async Task<ReportData> LoadAsync(Guid campaignId, DateTimeOffset? cutoff, CancellationToken ct)
    {
        var campaign = await campaigns.GetAsync(campaignId, ct) ?? throw new NotFoundException("Campaign", campaignId);
        await using var conn = await db.OpenConnectionAsync(ct);
        var cases = new List<ReportCase>();
        // Ties on received_at (same instant) are broken by the submission id, which is time-ordered (UUIDv7).
        await using (var cmd = new NpgsqlCommand($"""
            select c.id, c.reference, s.name, coalesce(st.to_state, c.state),
                   sub.n, sub.first_at, last.outcome, lv.evaluation::text,
                   lv.id is not null and exists (
                       select 1 from workflow.submissions x cross join lateral workflow.current_evaluation(x.id, @cutoff) e
                        where x.case_id = c.id and e.outcome not in {ValidOutcomes}
                          and (x.received_at, x.id) < (lv.received_at, lv.id)),
                   coalesce(a.triggers, array[]::text[]), coalesce(a.escalated, false)
              from workflow.cases c
              join workflow.suppliers s on s.id = c.supplier_id
              left join lateral (select count(*)::int n, min(received_at) first_at
                                   from workflow.submissions x where x.case_id = c.id and {Before("x.received_at")}) sub on true
              left join lateral (select e.outcome from workflow.submissions x cross join lateral workflow.current_evaluation(x.id, @cutoff) e
                                  where x.case_id = c.id and {Before("x.received_at")}
                                  order by x.received_at desc, x.id desc limit 1) last on true
              left join lateral (select x.id, x.received_at, e.evaluation
                                   from workflow.submissions x cross join lateral workflow.current_evaluation(x.id, @cutoff) e
                                  where x.case_id = c.id and e.outcome in {ValidOutcomes} and {Before("x.received_at")}
                                  order by x.received_at desc, x.id desc limit 1) lv on true
              left join lateral (select array_agg(trigger order by id) triggers, bool_or(to_state = 'Escalated') escalated
                                   from workflow.audit_entries a where a.case_id = c.id and {Before("a.at")}) a on true
              left join lateral (select to_state from workflow.audit_entries a
                                  where a.case_id = c.id and @cutoff is not null and a.at < @cutoff
                                  order by id desc limit 1) st on true
             where c.campaign_id = @campaign and {Before("c.created_at")}
             order by s.name, c.id
            """, conn))
        {
            cmd.Parameters.AddWithValue("campaign", campaignId);
            cmd.Parameters.Add(Cutoff(cutoff));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                cases.Add(new ReportCase(
                    r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4),
                    r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5),
                    r.IsDBNull(6) ? null : r.GetString(6),
                    r.IsDBNull(7) ? null : StoredEvaluation.Parse(r.GetString(7)),
                    r.GetBoolean(8), r.GetFieldValue<string[]>(9), r.GetBoolean(10)));
        }

        var policies = new SortedSet<string>(StringComparer.Ordinal) { campaign.PolicyVersion };
        var lists = new SortedSet<string>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand($"""
            select distinct v.kind, v.version
              from workflow.submissions x
              join workflow.cases c on c.id = x.case_id
              cross join lateral workflow.current_evaluation(x.id, @cutoff) e
              cross join lateral (
                    select 'policy' kind, e.evaluation->>'policyVersion' version
              union all select 'policy', f->>'policyVersion' from jsonb_array_elements(coalesce(e.evaluation->'findings', '[]')) f
              union all select 'policy', d->>'policyVersion' from jsonb_array_elements(coalesce(e.evaluation->'decisions', '[]')) d
              union all select 'list', e.evaluation->>'referenceListVersion') v
             where c.campaign_id = @campaign and v.version is not null and {Before("x.received_at")}
            """, conn))
        {
            cmd.Parameters.AddWithValue("campaign", campaignId);
            cmd.Parameters.Add(Cutoff(cutoff));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                (r.GetString(0) == "policy" ? policies : lists).Add(r.GetString(1));
        }
        return new ReportData(campaign, cases, policies.ToList(), lists.ToList());
    }

    private static string Before(string column) => $"(@cutoff is null or {column} < @cutoff)";

    // Typed, so that "@cutoff is null" has a type when no cutoff is given.
    private static NpgsqlParameter Cutoff(DateTimeOffset? cutoff) =>
        new("cutoff", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = cutoff is { } c ? c.ToUniversalTime() : DBNull.Value };
}
