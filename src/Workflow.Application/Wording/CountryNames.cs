using Workflow.Rules.Policies;

namespace Workflow.Application.Wording;

/// <summary>
/// One spelling per country on every page: the ISO 3166-1 English short name, whatever the supplier register or a
/// smelter list stored ("DRC", "Democratic Republic of Congo" and "CD" all read the same). The catalogue itself
/// (alpha-2, alpha-3, name, aliases) is the policy's <see cref="Countries"/>, so pages, imports and red flags agree.
/// </summary>
public static class CountryNames
{
    /// <summary>The ISO short name of a stored country; text no catalogue entry matches is shown as stored.</summary>
    public static string Display(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored)) return "";
        return Countries.Resolve(stored) is { } code ? Countries.NameOf(code) : stored.Trim();
    }

    /// <summary>The alpha-2 code of a stored country, or the stored text itself when it is not a known country.</summary>
    public static string KeyOf(string stored) => Countries.Resolve(stored) ?? stored.Trim();

    /// <summary>What an import says about a country it does not know.</summary>
    public static string NotACountry(string value) =>
        $"'{value}' is not a country; use an ISO 3166 code such as DE or a name such as Germany.";
}
