using Npgsql;

namespace Workflow.Application.Queries;

/// <summary>A campaign's figures at a glance, the same for its dashboard and the overview across campaigns.</summary>
/// <param name="Surveyed">Cases: suppliers the campaign sent the CMRT request to.</param>
/// <param name="Responded">Cases with at least one submission, whatever came of it.</param>
/// <param name="Valid">Cases with a submission whose current evaluation is accepted or red-flag.</param>
/// <param name="RedFlags">Cases whose latest valid submission is a red flag (as current evaluation has it).</param>
/// <param name="OpenEscalations">Cases in the Escalated state.</param>
/// <param name="OverdueEscalations">Escalated cases past their due date, or past the decision window without one.</param>
/// <param name="InScopeSpend">Spend of the campaign's in-scope suppliers that have a spend figure; null when none has.</param>
/// <param name="CoveredSpend">Of that, the spend of suppliers with a valid CMRT.</param>
public sealed record CampaignFigures(
    Guid CampaignId, string Name, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly ResponseDueDate, DateTimeOffset? LaunchedAt,
    int Surveyed, int Responded, int Valid, int RedFlags, int OpenEscalations, int OverdueEscalations,
    decimal? InScopeSpend, decimal CoveredSpend, bool FilingFrozen)
{
    /// <summary>The calendar year the campaign reports on (its period's end, as a CMRT's reporting year).</summary>
    public int ReportingYear => PeriodEnd.Year;

    public double? ResponseRatePercent => Percent(Responded, Surveyed);
    public double? ValidPercent => Percent(Valid, Responded);

    public double? SpendCoveredPercent => InScopeSpend is > 0 and var total
        ? Math.Round((double)(100 * CoveredSpend / total), 1, MidpointRounding.AwayFromZero) : null;

    public string Status(DateOnly today) =>
        FilingFrozen ? "Filed" : LaunchedAt is null ? "Not launched" : today > ResponseDueDate ? "Past due date" : "Collecting";

    private static double? Percent(int part, int whole) =>
        whole == 0 ? null : Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary>A count of suppliers whose current evaluation names a red-flagged smelter, per metal or per smelter country.</summary>
public sealed record RedFlagCount(string Label, int Suppliers);

public sealed record RedFlagBreakdown(IReadOnlyList<RedFlagCount> ByMetal, IReadOnlyList<RedFlagCount> ByCountry);

/// <summary>
/// The figures of one campaign or of all of them, in one statement: every campaign's aggregates come from one pass over
/// its cases (never one query per campaign). Red flags and validity read <c>workflow.current_evaluation</c>, as the
/// report does, so a re-evaluation shows here at once.
/// </summary>
public sealed class CampaignFiguresQuery(NpgsqlDataSource db, TimeProvider clock)
{
    private const string Sql = """
        with per_case as (
            select c.campaign_id, c.state, c.due_at, c.escalated_at, cs.in_scope, s.spend,
                   exists (select 1 from workflow.submissions x where x.case_id = c.id) as responded,
                   v.outcome
              from workflow.cases c
              join workflow.suppliers s on s.id = c.supplier_id
              left join workflow.campaign_suppliers cs on cs.campaign_id = c.campaign_id and cs.supplier_id = c.supplier_id
              left join lateral (
                    select e.outcome from workflow.submissions x cross join lateral workflow.current_evaluation(x.id) e
                     where x.case_id = c.id and e.outcome in ('accepted', 'red-flag')
                     order by x.received_at desc, x.id desc limit 1) v on true
             where @id::uuid is null or c.campaign_id = @id::uuid),
        figures as (
            select campaign_id,
                   count(*)::int surveyed,
                   count(*) filter (where responded)::int responded,
                   count(*) filter (where outcome is not null)::int valid,
                   count(*) filter (where outcome = 'red-flag')::int red_flags,
                   count(*) filter (where state = 'Escalated')::int open_escalations,
                   count(*) filter (where state = 'Escalated'
                                      and coalesce(due_at, escalated_at + make_interval(days => @window)) <= @now)::int overdue,
                   coalesce(sum(spend) filter (where in_scope and outcome is not null), 0) covered
              from per_case group by campaign_id),
        scope as (
            select cs.campaign_id, sum(s.spend) total
              from workflow.campaign_suppliers cs join workflow.suppliers s on s.id = cs.supplier_id
             where cs.in_scope and (@id::uuid is null or cs.campaign_id = @id::uuid)
             group by cs.campaign_id)
        select k.id, k.name, k.period_start, k.period_end, k.response_due_date, k.launched_at,
               coalesce(f.surveyed, 0), coalesce(f.responded, 0), coalesce(f.valid, 0), coalesce(f.red_flags, 0),
               coalesce(f.open_escalations, 0), coalesce(f.overdue, 0), sc.total, coalesce(f.covered, 0),
               exists (select 1 from workflow.filings fi where fi.campaign_id = k.id)
          from workflow.campaigns k
          left join figures f on f.campaign_id = k.id
          left join scope sc on sc.campaign_id = k.id
         where @id::uuid is null or k.id = @id::uuid
         order by k.period_end desc, k.created_at desc
        """;

    /// <param name="escalationWindowDays">How long management has to decide an escalation without a due date.</param>
    public async Task<IReadOnlyList<CampaignFigures>> AllAsync(int escalationWindowDays, CancellationToken ct) =>
        await ReadAsync(null, escalationWindowDays, ct);

    public async Task<CampaignFigures?> GetAsync(Guid campaignId, int escalationWindowDays, CancellationToken ct) =>
        (await ReadAsync(campaignId, escalationWindowDays, ct)).FirstOrDefault();

    /// <summary>Suppliers naming a red-flagged smelter in their current evaluation, per metal and per smelter country (one statement).</summary>
    public async Task<RedFlagBreakdown> RedFlagsAsync(Guid campaignId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select grouping(metal), coalesce(metal, ''), coalesce(country, ''), count(distinct case_id)::int
              from (select s.case_id, coalesce(nullif(m->>'metal', ''), 'Unknown metal') metal,
                           coalesce(nullif(m->>'country', ''), 'Unknown country') country
                      from workflow.submissions s join workflow.cases c on c.id = s.case_id
                           cross join lateral workflow.current_evaluation(s.id) e,
                           jsonb_array_elements(e.evaluation->'smelters') m
                     where c.campaign_id = @id and (m->>'redFlag')::boolean) x
             group by grouping sets ((metal), (country))
             order by 4 desc, 2, 3
            """);
        cmd.Parameters.AddWithValue("id", campaignId);
        var byMetal = new List<RedFlagCount>();
        var byCountry = new List<RedFlagCount>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (r.GetInt32(0) == 0) byMetal.Add(new RedFlagCount(r.GetString(1), r.GetInt32(3)));
            else byCountry.Add(new RedFlagCount(r.GetString(2), r.GetInt32(3)));
        }
        return new RedFlagBreakdown(byMetal, byCountry);
    }

    private async Task<IReadOnlyList<CampaignFigures>> ReadAsync(Guid? campaignId, int windowDays, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(Sql);
        cmd.Parameters.Add(new NpgsqlParameter("id", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = campaignId is { } id ? id : DBNull.Value });
        cmd.Parameters.AddWithValue("window", windowDays);
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        var rows = new List<CampaignFigures>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new CampaignFigures(r.GetGuid(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetFieldValue<DateOnly>(3),
                r.GetFieldValue<DateOnly>(4), r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5),
                r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10), r.GetInt32(11),
                r.IsDBNull(12) ? null : r.GetDecimal(12), r.GetDecimal(13), r.GetBoolean(14)));
        return rows;
    }
}
