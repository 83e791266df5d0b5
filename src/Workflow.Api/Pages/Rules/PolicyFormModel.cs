using Workflow.Application.Policies;
using Workflow.Rules;
using Workflow.Rules.Policies;

namespace Workflow.Api.Pages.Rules;

/// <summary>A heading and the country codes offered under it in a country picker.</summary>
public sealed record CountryGroup(string Title, IReadOnlyList<(string Code, string Name)> Countries);

/// <summary>
/// The policy form: the values shown (a stored version's, or what was just posted), which version they came from,
/// the versions one may start from, validation errors by form field, and the rule catalogue read against the
/// version shown (so a flag's effect is the one that version gives it).
/// </summary>
public sealed record PolicyFormModel(PolicyFormValues Values, string StartedFrom, IReadOnlyList<string> Versions,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Errors, string? Reason, Policy Shown, IReadOnlyList<CountryGroup> CountryGroups)
{
    public IReadOnlyList<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var e) ? e : [];

    public bool HasError(string field) => Errors.ContainsKey(field);

    public IReadOnlyList<RuleCatalogueEntry> Catalogue => RuleCatalogue.Entries;

    /// <summary>
    /// Covered countries: the SEC's DRC and nine neighbours as the built-in policy lists them. CAHRA: the starting set
    /// from <see cref="CahraReference"/> plus whatever the form already names. Everything else: other countries.
    /// </summary>
    public static IReadOnlyList<CountryGroup> GroupsFor(PolicyFormValues values)
    {
        var covered = PolicyLoader.Default.CoveredCountries;
        var cahra = CahraReference.Codes.Concat(values.CahraCountries).Where(c => !covered.Contains(c)).ToHashSet(StringComparer.Ordinal);
        var all = Countries.All;
        return
        [
            new("Covered countries (DRC and its nine neighbours)", all.Where(c => covered.Contains(c.Code)).ToList()),
            new("Conflict-affected and high-risk areas (CAHRA)", all.Where(c => cahra.Contains(c.Code)).ToList()),
            new("Other countries", all.Where(c => !covered.Contains(c.Code) && !cahra.Contains(c.Code)).ToList()),
        ];
    }
}
