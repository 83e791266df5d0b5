namespace Workflow.Application.YearOverYear;

/// <summary>A smelter one year's CMRT names and the other's does not; <see cref="Cid"/> is null when the supplier gave none.</summary>
public sealed record SmelterChange(string? Cid, string Name, string? Metal);
