using Workflow.Application.Campaigns;
using Workflow.Application.Cases;

namespace Workflow.Application.ProductDeterminations;

/// <summary>Loads a campaign's products, cases and valid declarations once and determines every product from them.</summary>
public sealed class ProductDeterminationService(ProductDeterminationSource source, CampaignStore campaigns)
{
    /// <param name="cutoff">Count only what was received before this instant (a filing's "effort through" end); null: up to now.</param>
    public async Task<IReadOnlyList<ProductDetermination>> ForCampaignAsync(Guid campaignId, DateTimeOffset? cutoff, CancellationToken ct)
    {
        _ = await campaigns.GetAsync(campaignId, ct) ?? throw new NotFoundException("Campaign", campaignId);
        return ProductDeterminationBuilder.Build(await source.LoadAsync(campaignId, cutoff, ct));
    }

    /// <summary>The block the campaign report carries (and a frozen filing keeps).</summary>
    public async Task<ProductFigures> FiguresAsync(Guid campaignId, DateTimeOffset? cutoff, CancellationToken ct) =>
        ProductFigures.From(ProductDeterminationBuilder.Build(await source.LoadAsync(campaignId, cutoff, ct)));
}
