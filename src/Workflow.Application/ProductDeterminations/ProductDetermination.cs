namespace Workflow.Application.ProductDeterminations;

/// <summary>
/// One of our products in a campaign: the suppliers and declarations that cover its parts, the red flags that can reach
/// it, the parts still open, and the determination with its reason and the seed report's words for it.
/// </summary>
public sealed record ProductDetermination(
    string ProductNumber,
    string ProductName,
    string? Family,
    string Determination,
    string Because,
    string Words,
    IReadOnlyList<ProductSupplier> Suppliers,
    IReadOnlyList<ProductRedFlag> RedFlags,
    IReadOnlyList<OpenPart> OpenParts,
    IReadOnlyList<PartCoverage> Parts)
{
    /// <summary>
    /// The product may contain 3TG unless the compliance owner marked it free of 3TG or every part's supplier declares
    /// none: a part nobody has declared yet counts as possibly containing 3TG, as the seed's "may contain" did.
    /// </summary>
    public bool MayContain3tg => Determination is not (ProductDeterminationKinds.No3tg or ProductDeterminationKinds.MarkedNo3tg);
}

/// <summary>
/// A supplier that sells us a part of the product, and the submission that covers it (null when none does).
/// <paramref name="Scope"/> is <c>product</c> or <c>company</c> (any declaration that is not product-level), null when
/// no declaration covers the part.
/// </summary>
public sealed record ProductSupplier(Guid SupplierId, string SupplierName, Guid? CaseId, string? State, string? Scope, Guid? SubmissionId,
    string? FileName);

/// <summary>A red-flag finding of a declaration covering one of the product's parts, with the part and supplier it comes through.</summary>
public sealed record ProductRedFlag(string? Code, string? Cid, string? SmelterName, string? Because, string PartNumber, string SupplierName,
    string? SupplierPartNumber, Guid SubmissionId);

/// <summary>A part (as bought from one supplier) whose 3TG origin no valid declaration settles yet, and why.</summary>
public sealed record OpenPart(string PartNumber, string? SupplierName, string? SupplierPartNumber, string Why);

/// <summary>
/// A part as bought from one supplier, and what covers it. A part marked not containing 3TG is listed once, with
/// <paramref name="Excluded"/> saying so and the reason, and counts for nothing.
/// </summary>
public sealed record PartCoverage(
    string PartNumber,
    Guid? SupplierId,
    string? SupplierName,
    string? SupplierPartNumber,
    string? Scope,
    string? DeclaredScope,
    Guid? SubmissionId,
    string? FileName,
    string Determination,
    bool Open,
    string? Why,
    string? Excluded);
