namespace Workflow.Application.Reports;

/// <summary>
/// A smelter name from suppliers' valid CMRTs that matches no reference-list entry: not a legitimate smelter for
/// Appendix A until someone identifies it, so the compliance team follows it up with the suppliers who named it.
/// </summary>
public sealed record UnrecognisedSmelterRow(string Metal, string NameAsGiven, string CountryAsGiven, string NamedBy)
{
    public static readonly string[] Header = ["Metal", "Smelter Name (as given)", "Country (as given)", "Named by"];

    public static IReadOnlyList<UnrecognisedSmelterRow> From(SmelterCatalogResult catalog) => catalog.Smelters
        .Where(s => !s.OnReferenceList)
        .Select(s => new UnrecognisedSmelterRow(s.Metal, s.Name, s.Country ?? "", string.Join("; ", s.NamedBy)))
        .OrderBy(r => r.Metal, StringComparer.Ordinal).ThenBy(r => r.NameAsGiven, StringComparer.OrdinalIgnoreCase)
        .ToList();

    public string[] Cells() => [Metal, NameAsGiven, CountryAsGiven, NamedBy];
}
