using Workflow.Rules.Policies;

namespace Workflow.Application.Policies;

/// <summary>Turns one policy text into a resolved policy, its parent looked up by name.</summary>
public static class PolicyTexts
{
    /// <exception cref="PolicyValidationException">Every problem found, the unknown parent included.</exception>
    public static Policy Resolve(string name, string text, string source, Func<string, Policy?> parentOf)
    {
        var document = PolicyParser.Parse(name, text);
        var known = new Dictionary<string, Policy>(StringComparer.Ordinal);
        if (document.Extends is { } parent && parent != document.Version)
            known[parent] = parentOf(parent) ?? throw new PolicyValidationException([new PolicyError(name, "extends",
                $"unknown parent policy '{parent}': a policy extends an active version (or a saved draft); activate or save '{parent}' first")]);
        var policy = PolicyResolver.Resolve([document], known)[document.Version];
        return Relabel(policy, source);
    }

    /// <summary>"yaml" or "json", from what the text starts with (a JSON policy is an object).</summary>
    public static string FormatOf(string text) => text.TrimStart().StartsWith('{') ? "json" : "yaml";

    private static Policy Relabel(Policy p, string source) => new()
    {
        Version = p.Version, Extends = p.Extends, Description = p.Description, Source = source,
        CoveredCountries = p.CoveredCountries, CahraCountries = p.CahraCountries, AcceptableAuditStatuses = p.AcceptableAuditStatuses,
        ConcernList = p.ConcernList, StrongProgramCriteria = p.StrongProgramCriteria,
        MinimumSupplierResponseRate = p.MinimumSupplierResponseRate, RedFlags = p.RedFlags,
    };
}
