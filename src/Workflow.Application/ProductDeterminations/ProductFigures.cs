namespace Workflow.Application.ProductDeterminations;

/// <summary>
/// The products block of the campaign report: how many products per determination (every determination named, zero
/// included, so the shape never changes) and each product's determination.
/// </summary>
public sealed record ProductFigures(IReadOnlyDictionary<string, int> ByDetermination, IReadOnlyList<ProductDeterminationLine> Products)
{
    public static ProductFigures From(IReadOnlyList<ProductDetermination> products) => new(
        ProductDeterminationKinds.All.ToDictionary(k => k, k => products.Count(p => p.Determination == k)),
        products.Select(p => new ProductDeterminationLine(p.ProductNumber, p.ProductName, p.Family, p.Determination)).ToList());
}

public sealed record ProductDeterminationLine(string ProductNumber, string ProductName, string? Family, string Determination);
