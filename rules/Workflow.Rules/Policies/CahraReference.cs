namespace Workflow.Rules.Policies;

/// <summary>
/// Countries to offer first when a compliance owner fills in <c>cahraCountries</c>. The code has no CAHRA list of its
/// own (the built-in policy's list is empty, <c>2026-strict</c> names four countries), so this starting set follows the
/// categories of the EU's indicative, non-exhaustive CAHRA list (Conflict Minerals Regulation (EU) 2017/821, Art. 14(2),
/// published at cahraslist.net): areas in armed conflict, fragile post-conflict areas, and areas with weak or absent
/// governance and widespread violations of international law. That list names areas, not whole countries, and changes
/// every quarter: this is where to look first, not a determination; only the policy's own <c>cahraCountries</c> raises flags.
/// </summary>
public static class CahraReference
{
    /// <summary>ISO alpha-2 codes (the DRC and its neighbours are the covered countries and are grouped there).</summary>
    public static IReadOnlySet<string> Codes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AF", // Afghanistan
        "BF", // Burkina Faso
        "CM", // Cameroon
        "CO", // Colombia
        "ET", // Ethiopia
        "HT", // Haiti
        "IQ", // Iraq
        "LY", // Libya
        "ML", // Mali
        "MM", // Myanmar
        "MZ", // Mozambique
        "NE", // Niger
        "NG", // Nigeria
        "SD", // Sudan
        "SO", // Somalia
        "SY", // Syria
        "TD", // Chad
        "UA", // Ukraine
        "VE", // Venezuela
        "YE", // Yemen
    };
}
