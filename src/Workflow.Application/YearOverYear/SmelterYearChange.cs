namespace Workflow.Application.YearOverYear;

/// <summary>A smelter named this year and not last (or the other way round), and how many suppliers named it in the year it was named.</summary>
public sealed record SmelterYearChange(string? Cid, string Name, string Metal, int Suppliers);
