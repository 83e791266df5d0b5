namespace Workflow.Cmrt.Model;

/// <summary>The declaring company's fields (Declaration rows 8–22). Text is trimmed; empty cells are null.</summary>
public sealed record CompanyInfo
{
    public string? Name { get; init; }
    public string? UniqueId { get; init; }
    public string? UniqueIdAuthority { get; init; }
    public string? Address { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
    public string? AuthorizerName { get; init; }
    public string? AuthorizerTitle { get; init; }
    public string? AuthorizerEmail { get; init; }
    public string? AuthorizerPhone { get; init; }
    /// <summary>Effective date (3.x+) or date of completion (2.x); null when blank or not a date.</summary>
    public DateOnly? EffectiveDate { get; init; }
    /// <summary>The date cell as found (Excel serial or text), for messages.</summary>
    public string? EffectiveDateRaw { get; init; }
}
