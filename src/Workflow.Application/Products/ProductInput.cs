namespace Workflow.Application.Products;

/// <summary>One bill-of-materials line as imported (JSON or a table row), before validation.</summary>
public sealed record ProductInput
{
    public string? ProductNumber { get; init; }
    public string? ProductName { get; init; }
    public string? Family { get; init; }
    public string? PartNumber { get; init; }
    public string? SupplierCode { get; init; }
    public string? SupplierEmail { get; init; }
    public string? SupplierPartNumber { get; init; }
}
