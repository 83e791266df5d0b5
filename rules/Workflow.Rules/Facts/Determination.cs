namespace Workflow.Rules.Facts;

/// <summary>
/// Step 5 result for the report: no-3tg | recycled-or-scrap | not-from-covered-countries |
/// covered-countries-conformant | undetermined.
/// </summary>
public sealed record Determination(string Kind, string Rule, string Because)
{
    public const string NoThreeTg = "no-3tg";
    public const string RecycledOrScrap = "recycled-or-scrap";
    public const string NotFromCoveredCountries = "not-from-covered-countries";
    public const string CoveredCountriesConformant = "covered-countries-conformant";
    public const string Undetermined = "undetermined";
}
