using Workflow.Api.Security;
using Workflow.Application.ProductDeterminations;
using Workflow.Application.Reports;

namespace Workflow.Api.ProductDeterminations;

/// <summary>For each of our products in a campaign: the declarations covering its parts, the red flags reaching it, its determination.</summary>
public static class ProductDeterminationsApi
{
    public static IServiceCollection AddWorkflowProductDeterminations(this IServiceCollection services)
    {
        services.AddSingleton<ProductDeterminationSource>();
        services.AddSingleton<ProductDeterminationService>();
        return services;
    }

    public static void MapProductDeterminations(this IEndpointRouteBuilder app) =>
        // ?asOf=YYYY-MM-DD counts only what was received through that day, as the report does.
        app.MapGet("/api/campaigns/{id:guid}/products", async (Guid id, DateOnly? asOf, ProductDeterminationService products, CancellationToken ct) =>
                await products.ForCampaignAsync(id, CampaignReportService.EndOf(asOf), ct))
            .RequireAuthorization(AccessPolicies.Read).WithTags("Campaigns");
}
