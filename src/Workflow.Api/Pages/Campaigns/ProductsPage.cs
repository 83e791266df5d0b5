using Workflow.Api.Pages.Layout;
using Workflow.Application.Campaigns;
using Workflow.Application.Cases;
using Workflow.Application.ProductDeterminations;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>/campaigns/{id}/products: each of our products with its determination, open parts and red flags.</summary>
public static class ProductsPage
{
    public const int PageSize = 100;

    public static void MapProductsPage(this IEndpointRouteBuilder pages) =>
        pages.MapGet("/campaigns/{id:guid}/products", async (Guid id, string? determination, int? page, CampaignStore campaigns,
            ProductDeterminationService products, CancellationToken ct) =>
        {
            var campaign = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            var all = await products.ForCampaignAsync(id, null, ct);
            var filter = ProductDeterminationKinds.All.Contains(determination) ? determination : null;
            var shown = all.Where(p => filter is null || p.Determination == filter).ToList();
            var pageCount = Math.Max(1, (shown.Count + PageSize - 1) / PageSize);
            var current = Math.Clamp(page ?? 1, 1, pageCount);
            return PageResult.Of<ProductsView, ProductsModel>(new ProductsModel(campaign, ProductFigures.From(all).ByDetermination, all.Count,
                shown.Skip((current - 1) * PageSize).Take(PageSize).ToList(), shown.Count, filter, current, pageCount));
        });
}

/// <summary>A campaign's products: counts per determination over all of them, and one page of those the filter shows.</summary>
public sealed record ProductsModel(
    Campaign Campaign,
    IReadOnlyDictionary<string, int> ByDetermination,
    int Total,
    IReadOnlyList<ProductDetermination> Products,
    int Shown,
    string? Determination,
    int Page,
    int PageCount);
