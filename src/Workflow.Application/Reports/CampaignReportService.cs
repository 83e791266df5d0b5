using Workflow.Application.Reference;

namespace Workflow.Application.Reports;

/// <summary>Loads a campaign's data once and computes the report, Appendix A and the unrecognised names from it.</summary>
public sealed class CampaignReportService(ReportSource source, ReferenceListStore references, TimeProvider clock)
{
    public async Task<(CampaignReport Report, IReadOnlyList<AppendixARow> AppendixA)> BuildAsync(Guid campaignId, CancellationToken ct)
    {
        var (report, appendix, _) = await BuildAllAsync(campaignId, ct);
        return (report, appendix);
    }

    /// <summary>The report, Appendix A and the names to follow up, from one read of the campaign.</summary>
    public async Task<(CampaignReport Report, IReadOnlyList<AppendixARow> AppendixA, IReadOnlyList<UnrecognisedSmelterRow> Unrecognised)> BuildAllAsync(
        Guid campaignId, CancellationToken ct)
    {
        var (data, catalog) = await LoadAsync(campaignId, ct);
        return (CampaignReportBuilder.Build(data, catalog, clock.GetUtcNow()), AppendixARow.From(catalog), UnrecognisedSmelterRow.From(catalog));
    }

    public async Task<IReadOnlyList<AppendixARow>> AppendixAAsync(Guid campaignId, CancellationToken ct) =>
        AppendixARow.From((await LoadAsync(campaignId, ct)).Catalog);

    public async Task<IReadOnlyList<UnrecognisedSmelterRow>> UnrecognisedAsync(Guid campaignId, CancellationToken ct) =>
        UnrecognisedSmelterRow.From((await LoadAsync(campaignId, ct)).Catalog);

    public async Task<(ReportData Data, SmelterCatalogResult Catalog)> LoadAsync(Guid campaignId, CancellationToken ct)
    {
        var data = await source.LoadAsync(campaignId, ct);
        return (data, SmelterCatalog.Build(data.Cases, references.Active()));
    }
}
