using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Writing;

/// <summary>
/// The content of a CMRT in the 6.x layout, as strings exactly as a supplier would type or pick them.
/// Used to generate test and demo workbooks and the company's own roll-up.
/// </summary>
public sealed record CmrtWorkbookSpec
{
    /// <summary>The layout written: any 2.x, 3.x or 6.x version ("2.03a", "3.01", "6.5").</summary>
    public string Version { get; init; } = "6.5";
    private readonly string? _revisionText;
    /// <summary>The template's revision line (Declaration!J3); "Revision {Version}" unless given.</summary>
    public string RevisionText
    {
        get => _revisionText ?? (Version == "6.5" ? "Revision 6.5\nApril 25, 2025" : $"Revision {Version}");
        init => _revisionText = value;
    }
    public string Language { get; init; } = "English";
    public string? CompanyName { get; init; }
    public string? Scope { get; init; } = "A. Company";
    public string? ScopeDescription { get; init; }
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
    public DateOnly? EffectiveDate { get; init; }

    /// <summary>Per metal, the answers to questions 1–8 (null = blank).</summary>
    public IReadOnlyDictionary<Metal, string?[]> MetalAnswers { get; init; } = new Dictionary<Metal, string?[]>();
    /// <summary>Company questions A–H (6.x letters), index 0 = A.</summary>
    public string?[] CompanyAnswers { get; init; } = new string?[8];
    /// <summary>Comments in column G beside company questions A–H (B's comment holds the policy URL).</summary>
    public string?[] CompanyComments { get; init; } = new string?[8];
    public IReadOnlyList<SmelterLine> Smelters { get; init; } = [];
    public IReadOnlyList<ProductLine> Products { get; init; } = [];

    /// <summary>
    /// Also write the Revision, Instructions and Definitions sheets and put the sheets in the RMI template's order
    /// (Revision, Instructions, Definitions, Declaration, Smelter List, Checker, Product List), as a file sent to
    /// customers should be; test workbooks leave this off.
    /// </summary>
    public bool IncludeGuideSheets { get; init; }
}

public sealed record SmelterLine(string Metal, string LookupName, string? Name, string? Country, string? SmelterId, string? Source = "RMI",
    string? Street = null, string? City = null, string? StateProvince = null);

public sealed record ProductLine(string Number, string? Name, string? Comments = null);
