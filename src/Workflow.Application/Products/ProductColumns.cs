using Workflow.Application.Suppliers;

namespace Workflow.Application.Products;

/// <summary>
/// The columns of a product import (CSV header, XLSX first row, JSON property names): one row per bill-of-materials
/// line. Headers match without regard to case, spaces or underscores, as the supplier import's do.
/// </summary>
public static class ProductColumns
{
    public static readonly IReadOnlyList<SupplierColumn> All =
    [
        new("productNumber", true, "our product number; the key that finds the product again (a product with several parts repeats it)"),
        new("productName", true, "the product's name (the same on every row of the product)"),
        new("family", false, "the product family or line"),
        new("partNumber", false, "our part number in the product; empty for a product with no parts yet"),
        new("supplierCode", false, "the code of the supplier we buy the part from, as in the supplier register"),
        new("supplierEmail", false, "or that supplier's e-mail, when it has no code"),
        new("supplierPartNumber", false, "the number the supplier sells the part under (what its product-level CMRT lists)"),
    ];

    public static string Names => string.Join(", ", All.Select(c => c.Name));

    public static bool IsKnown(string normalised) => All.Any(c => SupplierColumns.Normalise(c.Name) == normalised);
}
