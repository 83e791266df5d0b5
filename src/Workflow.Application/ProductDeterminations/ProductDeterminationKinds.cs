namespace Workflow.Application.ProductDeterminations;

/// <summary>The determinations a product can end with, and how the seed report words each.</summary>
public static class ProductDeterminationKinds
{
    public const string MarkedNo3tg = "marked-no-3tg";
    public const string No3tg = "no-3tg";
    public const string NotFromCoveredCountries = "not-from-covered-countries";
    public const string RecycledOrScrap = "recycled-or-scrap";
    public const string CoveredCountriesConformant = "covered-countries-conformant";
    public const string Undetermined = "undetermined";

    /// <summary>In the order the report and page list them.</summary>
    public static readonly string[] All = [MarkedNo3tg, No3tg, NotFromCoveredCountries, RecycledOrScrap, CoveredCountriesConformant, Undetermined];

    /// <summary>Form SD's terms: "DRC conflict free" is the rule's name for 3TG from the covered countries through conformant smelters.</summary>
    public static string Words(string determination) => determination switch
    {
        MarkedNo3tg => "does not contain 3TG (engineering review)",
        No3tg => "does not contain 3TG",
        NotFromCoveredCountries => "3TG not from the covered countries",
        RecycledOrScrap => "3TG from recycled or scrap sources",
        CoveredCountriesConformant => "DRC conflict free",
        _ => "DRC conflict undeterminable",
    };
}
