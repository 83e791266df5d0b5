using Workflow.Application.Grievances;
using Workflow.Application.ProductDeterminations;
using Workflow.Application.Reference;
using Workflow.Application.YearOverYear;

namespace Workflow.Application.Reports;

/// <summary>Loads a campaign's data once and computes the report, Appendix A and the unrecognised names from it.</summary>
public sealed class CampaignReportService(ReportSource source, ReferenceListStore references, CampaignYearOverYearService yearOverYear,
    ProductDeterminationService products, GrievanceYearQuery grievances, TimeProvider clock)
{
    public async Task<(CampaignReport Report, IReadOnlyList<AppendixARow> AppendixA)> BuildAsync(Guid campaignId, CancellationToken ct)
    {
        var (report, appendix, _) = await BuildAllAsync(campaignId, null, ct);
        return (report, appendix);
    }

    /// <summary>The report, Appendix A and the names to follow up, from one read of the campaign.</summary>
    /// <param name="asOf">The last day counted (a filing's "effort through" date); null for everything up to now.</param>
    public async Task<(CampaignReport Report, IReadOnlyList<AppendixARow> AppendixA, IReadOnlyList<UnrecognisedSmelterRow> Unrecognised)> BuildAllAsync(
        Guid campaignId, DateOnly? asOf, CancellationToken ct)
    {
        var (data, catalog) = await LoadAsync(campaignId, asOf, ct);
        return await ComposeAsync(data, catalog, asOf, ct);
    }

    /// <summary><see cref="Compose"/> with the blocks that read beyond the campaign's cases: spend coverage, last year and our products.</summary>
    public async Task<(CampaignReport Report, IReadOnlyList<AppendixARow> AppendixA, IReadOnlyList<UnrecognisedSmelterRow> Unrecognised)> ComposeAsync(
        ReportData data, SmelterCatalogResult catalog, DateOnly? asOf, CancellationToken ct)
    {
        var (report, appendix, unrecognised) = Compose(data, catalog, asOf);
        var comparison = await yearOverYear.BuildAsync(report, catalog, EndOf(asOf), ct);
        var productFigures = await products.FiguresAsync(data.Campaign.Id, EndOf(asOf), ct);
        var grievance = await grievances.FiguresAsync(data.Campaign.PeriodStart, data.Campaign.PeriodEnd, EndOf(asOf), ct);
        return (report with
            {
                SpendCoverage = comparison.SpendCoverage.ThisYear, YearOverYear = comparison, Products = productFigures, GrievanceMechanism = grievance,
            },
            appendix, unrecognised);
    }

    /// <summary>
    /// The report's year-over-year block alone (live), for the dashboard: the same computation as the report's, without
    /// the blocks the dashboard does not show, such as every product's determination.
    /// </summary>
    public async Task<CampaignYearOverYear> YearOverYearAsync(Guid campaignId, CancellationToken ct)
    {
        var (data, catalog) = await LoadAsync(campaignId, null, ct);
        return await yearOverYear.BuildAsync(Compose(data, catalog, null).Report, catalog, null, ct);
    }

    /// <summary>The report, Appendix A and the names to follow up from data already loaded (a freeze reuses it for the roll-up).</summary>
    public (CampaignReport Report, IReadOnlyList<AppendixARow> AppendixA, IReadOnlyList<UnrecognisedSmelterRow> Unrecognised) Compose(
        ReportData data, SmelterCatalogResult catalog, DateOnly? asOf) =>
        (CampaignReportBuilder.Build(data, catalog, clock.GetUtcNow(), asOf), AppendixARow.From(catalog), UnrecognisedSmelterRow.From(catalog));

    public async Task<IReadOnlyList<AppendixARow>> AppendixAAsync(Guid campaignId, DateOnly? asOf, CancellationToken ct) =>
        AppendixARow.From((await LoadAsync(campaignId, asOf, ct)).Catalog);

    public async Task<IReadOnlyList<UnrecognisedSmelterRow>> UnrecognisedAsync(Guid campaignId, DateOnly? asOf, CancellationToken ct) =>
        UnrecognisedSmelterRow.From((await LoadAsync(campaignId, asOf, ct)).Catalog);

    public Task<(ReportData Data, SmelterCatalogResult Catalog)> LoadAsync(Guid campaignId, CancellationToken ct) => LoadAsync(campaignId, null, ct);

    public async Task<(ReportData Data, SmelterCatalogResult Catalog)> LoadAsync(Guid campaignId, DateOnly? asOf, CancellationToken ct)
    {
        var data = await source.LoadAsync(campaignId, EndOf(asOf), ct);
        return (data, SmelterCatalog.Build(data.Cases, references.Active()));
    }

    /// <summary>The cutoff of an as-of day (it counts whole); null when there is none.</summary>
    public static DateTimeOffset? EndOf(DateOnly? asOf) => asOf is { } day ? UtcDay.End(day) : null;
}
