namespace Workflow.Application.Suppliers;

/// <summary>One supplier as imported (JSON or CSV row), before validation.</summary>
public sealed record SupplierInput
{
    /// <summary>The company's own supplier code (ERP vendor number): the stable key when given.</summary>
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Country { get; init; }
    public decimal? Spend { get; init; }
    public decimal? DeliveryQuantity { get; init; }
    public string? ContactName { get; init; }
    public IReadOnlyList<string>? ContactEmails { get; init; }
    public int? Priority { get; init; }
    /// <summary>In scope of the campaign the import is for (null: yes for a new link, unchanged for an existing one).</summary>
    public bool? InScope { get; init; }
    public string? ScopeReason { get; init; }
    public IReadOnlyList<string>? Parts { get; init; }
    public string? Language { get; init; }
}

/// <summary>A problem with one row: 1-based data row (CSV: line number including the header) and field.</summary>
public sealed record ImportError(int Row, string Field, string Message);
