namespace Workflow.Application.Reports;

/// <summary>The distinct smelters, and how many Smelter List rows said "not yet identified".</summary>
public sealed record SmelterCatalogResult(IReadOnlyList<IdentifiedSmelter> Smelters, int NotYetIdentifiedRows);
