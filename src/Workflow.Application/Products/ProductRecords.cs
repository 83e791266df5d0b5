using Workflow.Application.Suppliers;

namespace Workflow.Application.Products;

/// <summary>
/// One field of a product or part created or changed, as an import would change it (dry run) or did (audit). A new
/// bill-of-materials line is a change of the product's "part" field; a new source is a change of the part's "source".
/// </summary>
public sealed record ProductChange(Guid? ProductId, string? ProductNumber, Guid? PartId, string? PartNumber, string Field, string? From, string? To);

/// <summary>What a product import would do (dry run) or did; with errors, nothing.</summary>
public sealed record ProductImportResult(Guid? ImportId, int ProductsAdded, int ProductsUpdated, int PartsAdded, int LinesAdded,
    IReadOnlyList<ProductChange> Changes, IReadOnlyList<ImportError> Errors)
{
    public static ProductImportResult Rejected(IReadOnlyList<ImportError> errors) => new(null, 0, 0, 0, 0, [], errors);
}

/// <summary>Where a part is bought: the supplier and the number it sells the part under.</summary>
public sealed record PartSource(Guid SupplierId, string SupplierName, string? SupplierCode, string? SupplierPartNumber);

/// <summary>A part of a product, with its sources and the compliance owner's no-3TG mark.</summary>
public sealed record ProductPart(Guid Id, string PartNumber, bool NotContaining3tg, string? Reason, IReadOnlyList<PartSource> Suppliers);

/// <summary>A product with its bill of materials.</summary>
public sealed record ProductRecord(Guid Id, string ProductNumber, string ProductName, string? Family, bool NotContaining3tg, string? Reason,
    string? MarkedBy, DateTimeOffset? MarkedAt, IReadOnlyList<ProductPart> Parts);

/// <summary>An entry of a product's (or one of its parts') change history.</summary>
public sealed record ProductHistoryEntry(DateTimeOffset At, string Actor, string Source, string? PartNumber, string Field, string? From, string? To);

/// <summary>A product with its history, newest first.</summary>
public sealed record ProductDetail(ProductRecord Product, IReadOnlyList<ProductHistoryEntry> Changes);

/// <summary>A product a part goes into.</summary>
public sealed record ProductUse(Guid Id, string ProductNumber, string ProductName);

/// <summary>A part bought from one supplier, and the products it goes into.</summary>
public sealed record SuppliedPart(Guid Id, string PartNumber, string? SupplierPartNumber, bool NotContaining3tg, string? Reason, IReadOnlyList<ProductUse> Products);
