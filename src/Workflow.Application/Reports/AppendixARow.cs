namespace Workflow.Application.Reports;

/// <summary>One line of Appendix A, as in the seed report: Metal, Standard Smelter Name, Smelter Facility Location.</summary>
public sealed record AppendixARow(string Metal, string StandardSmelterName, string SmelterFacilityLocation)
{
    public static readonly string[] Header = ["Metal", "Standard Smelter Name", "Smelter Facility Location"];

    /// <summary>Every distinct smelter once, sorted by metal then name; locations upper-cased as the seed prints them.</summary>
    public static IReadOnlyList<AppendixARow> From(SmelterCatalogResult catalog) => catalog.Smelters
        .Select(s => new AppendixARow(s.Metal, s.Name, s.Country?.ToUpperInvariant() ?? ""))
        .OrderBy(r => r.Metal, StringComparer.Ordinal).ThenBy(r => r.StandardSmelterName, StringComparer.OrdinalIgnoreCase)
        .ToList();

    public string[] Cells() => [Metal, StandardSmelterName, SmelterFacilityLocation];
}
