using Npgsql;
using Workflow.Application.Reference;
using Workflow.Application.Reports;

namespace Workflow.Application.YearOverYear;

/// <summary>
/// The report's year-over-year block and spend coverage. This year's figures honour the report's cutoff; last year's
/// are that campaign as it stands now (its late answers count, as they would in its own report today).
/// </summary>
public sealed class CampaignYearOverYearService(NpgsqlDataSource db, ReportSource source, ReferenceListStore references, TimeProvider clock)
{
    private sealed record SupplierRow(Guid SupplierId, string Name, bool InScope, decimal? Spend, string? ValidOutcome);

    public async Task<SpendCoverage> SpendCoverageAsync(Guid campaignId, DateTimeOffset? cutoff, CancellationToken ct) =>
        Coverage(await SuppliersAsync(campaignId, cutoff, ct));

    public async Task<CampaignYearOverYear> BuildAsync(CampaignReport report, SmelterCatalogResult catalog, DateTimeOffset? cutoff, CancellationToken ct)
    {
        var suppliers = await SuppliersAsync(report.CampaignId, cutoff, ct);
        var coverage = Coverage(suppliers);
        var previousId = await PreviousCampaignAsync(report.CampaignId, ct);
        if (previousId is not { } prevId)
            return new CampaignYearOverYear
            {
                Note = "No earlier campaign (none copied from, none ending before this one starts): there is no last year to compare with.",
                ResponseRatePercent = new(report.Responses.ResponseRatePercent, null),
                SpendCoverage = new(coverage, null),
            };

        var prevData = await source.LoadAsync(prevId, null, ct);
        var prevCatalog = SmelterCatalog.Build(prevData.Cases, references.Active());
        var prevReport = CampaignReportBuilder.Build(prevData, prevCatalog, clock.GetUtcNow());
        var prevSuppliers = await SuppliersAsync(prevId, null, ct);

        var before = Smelters(prevCatalog);
        var after = Smelters(catalog);
        var flaggedBefore = prevReport.RedFlagSmelters.Select(f => f.Cid).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var redBefore = prevSuppliers.Where(s => s.ValidOutcome == "red-flag").Select(s => s.SupplierId).ToHashSet();

        return new CampaignYearOverYear
        {
            PreviousCampaignId = prevId,
            PreviousCampaignName = prevData.Campaign.Name,
            ResponseRatePercent = new(report.Responses.ResponseRatePercent, prevReport.Responses.ResponseRatePercent),
            SpendCoverage = new(coverage, Coverage(prevSuppliers)),
            NewSmelters = Sorted(after.Where(p => !before.ContainsKey(p.Key)).Select(p => p.Value)),
            DroppedSmelters = Sorted(before.Where(p => !after.ContainsKey(p.Key)).Select(p => p.Value)),
            NewRedFlagSmelters = report.RedFlagSmelters.Where(f => !flaggedBefore.Contains(f.Cid)).ToList(),
            SuppliersNewlyRedFlagged = suppliers.Where(s => s.ValidOutcome == "red-flag" && !redBefore.Contains(s.SupplierId))
                .Select(s => s.Name).Order(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>The campaign this one was copied from, else the latest one that ended before it started.</summary>
    public async Task<Guid?> PreviousCampaignAsync(Guid campaignId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select coalesce(k.copied_from, (
                   select p.id from workflow.campaigns p
                    where p.id <> k.id and p.period_end < k.period_start
                    order by p.period_end desc, p.created_at desc limit 1))
              from workflow.campaigns k where k.id = @id
            """);
        cmd.Parameters.AddWithValue("id", campaignId);
        return await cmd.ExecuteScalarAsync(ct) is Guid id ? id : null;
    }

    // Scope is the campaign's (campaign_suppliers.in_scope), not the supplier record's: a supplier in scope last year
    // may be out this year.
    private async Task<IReadOnlyList<SupplierRow>> SuppliersAsync(Guid campaignId, DateTimeOffset? cutoff, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select s.id, s.name, cs.in_scope, s.spend, lv.outcome
              from workflow.campaign_suppliers cs
              join workflow.suppliers s on s.id = cs.supplier_id
              left join workflow.cases c on c.campaign_id = cs.campaign_id and c.supplier_id = cs.supplier_id
              left join lateral (select x.outcome from workflow.submissions x
                                  where x.case_id = c.id and x.outcome in {CaseYearOverYearQuery.ValidOutcomes}
                                    and (@cutoff is null or x.received_at < @cutoff)
                                  order by x.received_at desc, x.id desc limit 1) lv on true
             where cs.campaign_id = @campaign
            """);
        cmd.Parameters.AddWithValue("campaign", campaignId);
        cmd.Parameters.Add(new NpgsqlParameter("cutoff", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = cutoff is { } c ? c.ToUniversalTime() : DBNull.Value });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<SupplierRow>();
        while (await r.ReadAsync(ct))
            rows.Add(new SupplierRow(r.GetGuid(0), r.GetString(1), r.GetBoolean(2), r.IsDBNull(3) ? null : r.GetDecimal(3), r.IsDBNull(4) ? null : r.GetString(4)));
        return rows;
    }

    private static SpendCoverage Coverage(IEnumerable<SupplierRow> suppliers)
    {
        var inScope = suppliers.Where(s => s.InScope && s.Spend is not null).ToList();
        var total = inScope.Sum(s => s.Spend!.Value);
        var covered = inScope.Where(s => s.ValidOutcome is not null).Sum(s => s.Spend!.Value);
        double? percent = total == 0 ? null : Math.Round((double)(100 * covered / total), 1, MidpointRounding.AwayFromZero);
        return new SpendCoverage(percent, covered, total);
    }

    private static Dictionary<string, SmelterYearChange> Smelters(SmelterCatalogResult catalog)
    {
        var result = new Dictionary<string, SmelterYearChange>(StringComparer.Ordinal);
        foreach (var s in catalog.Smelters)
            if (DeclarationComparison.SmelterKey(s.Cid, s.Name, s.Metal) is { } key)
                result.TryAdd(key, new SmelterYearChange(s.Cid, s.Name, s.Metal, s.NamedBy.Count));
        return result;
    }

    private static IReadOnlyList<SmelterYearChange> Sorted(IEnumerable<SmelterYearChange> smelters) =>
        smelters.OrderBy(s => s.Metal, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
}
