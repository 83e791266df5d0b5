namespace Workflow.Application.ProductDeterminations;

/// <summary>Everything product determinations are computed from, read in three set-based queries per campaign.</summary>
public sealed record ProductDeterminationData(
    IReadOnlyList<BomRow> Bom,
    IReadOnlyDictionary<Guid, CampaignCase> CasesBySupplier,
    IReadOnlyDictionary<Guid, IReadOnlyList<ValidDeclaration>> ValidByCase);

/// <summary>
/// One product × part × source row of the bill of materials (left-joined: a product without parts has one row with no
/// part, a part without a source one row with no supplier).
/// </summary>
public sealed record BomRow(
    Guid ProductId,
    string ProductNumber,
    string ProductName,
    string? Family,
    bool ProductNo3tg,
    string? ProductNo3tgReason,
    Guid? PartId,
    string? PartNumber,
    bool PartNo3tg,
    string? PartNo3tgReason,
    Guid? SupplierId,
    string? SupplierName,
    string? SupplierPartNumber);

/// <summary>A supplier's case in the campaign, in its state as of the cutoff, and how many submissions it had by then.</summary>
public sealed record CampaignCase(Guid CaseId, Guid SupplierId, string State, int Submissions);

/// <summary>
/// A submission of a case that has a declaration and whose current evaluation is valid (accepted or red flag), with
/// what coverage needs from it.
/// </summary>
public sealed record ValidDeclaration(
    Guid CaseId,
    Guid SubmissionId,
    DateTimeOffset ReceivedAt,
    string FileName,
    string Scope,
    IReadOnlySet<string> ProductNumbers,
    string? Determination,
    bool RequestsProductLevel,
    IReadOnlyList<DeclarationRedFlag> RedFlags)
{
    public bool IsProductLevel => Scope == "Product";
}

/// <summary>A red-flag finding of a declaration's current evaluation, with the smelter's name when the evaluation names it.</summary>
public sealed record DeclarationRedFlag(string? Code, string? Cid, string? Smelter, string? Because);
