namespace Workflow.Cmrt.Model;

public enum SmelterRowKind
{
    /// <summary>Chosen from the template's look-up (or identified by ID).</summary>
    Listed,
    /// <summary>"Smelter not listed": free-text name and country.</summary>
    NotListed,
    /// <summary>"Smelter not yet identified".</summary>
    NotYetIdentified,
}

/// <summary>One Smelter List row as the supplier gave it, with the identifier resolved where possible.</summary>
public sealed record SmelterRow
{
    /// <summary>1-based worksheet row, for locations such as "Smelter List!D17".</summary>
    public required int RowNumber { get; init; }
    public Metal? Metal { get; init; }
    public string? MetalRaw { get; init; }
    public required SmelterRowKind Kind { get; init; }
    /// <summary>Column C: the look-up / reference-list name the supplier chose.</summary>
    public string? LookupName { get; init; }
    /// <summary>Smelter name (standard name for listed rows, typed name for "not listed").</summary>
    public string? Name { get; init; }
    public string? Country { get; init; }
    /// <summary>The identifier exactly as found in the workbook (CID, V2 ID, or a placeholder such as "Unknown").</summary>
    public string? IdRaw { get; init; }
    /// <summary>The resolved RMI CID ("CID" + 6 digits), or null when it could not be resolved.</summary>
    public string? Cid { get; init; }
    /// <summary>How <see cref="Cid"/> was obtained: "workbook", "v2-translation", "lookup-sheet", "reference-name", "reference-similar-name" (character-bigram similarity ≥ 0.85), or null.</summary>
    public string? CidSource { get; init; }
    public string? Street { get; init; }
    public string? City { get; init; }
    public string? StateProvince { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? NextSteps { get; init; }
    public string? MineName { get; init; }
    public string? MineCountry { get; init; }
    public string? RecycledOrScrap { get; init; }
    public string? Comments { get; init; }
}
