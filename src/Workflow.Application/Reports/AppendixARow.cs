namespace Workflow.Application.Reports;

/// <summary>
/// One line of Appendix A, as the seed report builds it: the smelters and refiners named by suppliers "that appear on
/// the lists … as legitimate" (the reference list), with Metal, Standard Smelter Name, Smelter Facility Location, and
/// their audit status. Names the list does not recognise are not in Appendix A; they are follow-up work
/// (<see cref="UnrecognisedSmelterRow"/>).
/// </summary>
public sealed record AppendixARow(string Metal, string StandardSmelterName, string SmelterFacilityLocation, string Status)
{
    public static readonly string[] Header = ["Metal", "Standard Smelter Name", "Smelter Facility Location", "Status"];

    /// <summary>Every recognised smelter once, sorted by metal then name; locations upper-cased as the seed prints them.</summary>
    public static IReadOnlyList<AppendixARow> From(SmelterCatalogResult catalog) => catalog.Smelters
        .Where(s => s.OnReferenceList)
        .Select(s => new AppendixARow(s.Metal, s.Name, s.Country?.ToUpperInvariant() ?? "", StatusText(s.Status)))
        .OrderBy(r => r.Metal, StringComparer.Ordinal).ThenBy(r => r.StandardSmelterName, StringComparer.OrdinalIgnoreCase)
        .ToList();

    public string[] Cells() => [Metal, StandardSmelterName, SmelterFacilityLocation, Status];

    private static string StatusText(string status) => status switch
    {
        "conformant" => "Conformant",
        "active" => "Active (undergoing audit)",
        "not-audited" => "Not audited",
        _ => "Unknown",
    };
}
