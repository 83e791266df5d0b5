namespace Workflow.Application.ProductLevel;

/// <summary>One of our parts as bought from one supplier: our number, the supplier's, and the products it goes into.</summary>
public sealed record SupplierPart(string PartNumber, string? SupplierPartNumber, IReadOnlyList<string> Products)
{
    /// <summary>"our 4711 (your X-1)" for reasons a manager reads.</summary>
    public string Describe() => SupplierPartNumber is { Length: > 0 } theirs ? $"{PartNumber} (supplier's {theirs})" : PartNumber;

    /// <summary>
    /// Whether a Product List row names this part: the supplier's own number is what a product-level CMRT lists; our
    /// number counts too (suppliers often copy it from the purchase order, and migrated parts have no supplier number).
    /// </summary>
    public bool IsNamedBy(string productNumber)
    {
        var listed = productNumber.Trim();
        return (SupplierPartNumber is { Length: > 0 } theirs && string.Equals(theirs.Trim(), listed, StringComparison.OrdinalIgnoreCase))
            || string.Equals(PartNumber.Trim(), listed, StringComparison.OrdinalIgnoreCase);
    }
}
