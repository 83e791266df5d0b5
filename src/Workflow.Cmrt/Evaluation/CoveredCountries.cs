namespace Workflow.Cmrt.Evaluation;

/// <summary>
/// The DRC and its adjoining countries (SEC Rule 13p-1 "covered countries"), recognised under the spellings found in
/// templates and lists: ISO names and codes, "Congo, Democratic Republic of the", "DR Congo", "Tanzania, United Republic of".
/// </summary>
public static class CoveredCountries
{
    private static readonly HashSet<string> Exact = new(StringComparer.Ordinal)
    {
        "angola", "ago", "burundi", "bdi", "centralafricanrepublic", "caf", "car", "rwanda", "rwa", "southsudan", "ssd",
        "uganda", "uga", "zambia", "zmb", "drc", "rdc", "cod", "cog", "tza", "tanzania", "zaire",
    };

    public static bool IsCovered(string? country)
    {
        if (string.IsNullOrWhiteSpace(country)) return false;
        var key = new string(country.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        // Both Congos are covered, so any spelling containing "congo" counts; "Sudan" alone is not covered, "South Sudan" is.
        return Exact.Contains(key) || key.Contains("congo") || key.Contains("tanzania") || key.Contains("centralafrican") || key.Contains("southsudan");
    }
}
