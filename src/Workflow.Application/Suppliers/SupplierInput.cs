namespace Workflow.Application.Suppliers;

/// <summary>One supplier as imported (JSON or CSV row), before validation.</summary>
public sealed record SupplierInput
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Country { get; init; }
    public decimal? Spend { get; init; }
    public decimal? DeliveryQuantity { get; init; }
    public string? ContactName { get; init; }
    public IReadOnlyList<string>? ContactEmails { get; init; }
    public bool? InScope { get; init; }
    public IReadOnlyList<string>? Parts { get; init; }
    public string? Language { get; init; }
}

/// <summary>A problem with one row: 1-based data row (CSV: line number including the header) and field.</summary>
public sealed record ImportError(int Row, string Field, string Message);
