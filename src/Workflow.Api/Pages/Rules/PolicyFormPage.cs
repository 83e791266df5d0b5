using Workflow.Application.Policies;
using Workflow.Rules.Policies;

namespace Workflow.Api.Pages.Rules;

/// <summary>Builds the policy form: from a stored version, or from a post that did not validate.</summary>
public static class PolicyFormPage
{
    /// <summary>
    /// The form filled with <paramref name="version"/> (default: the built-in <c>default</c>). An active version is
    /// never changed, so its values are offered as a new dated draft extending it; a draft is edited under its own name.
    /// </summary>
    public static PolicyFormModel Start(PolicyStore store, TimeProvider clock, string? version)
    {
        var records = store.List();
        var record = records.FirstOrDefault(r => r.Version == version)
            ?? records.FirstOrDefault(r => r.Version == PolicyLoader.DefaultVersion && r.IsActive)
            ?? records.FirstOrDefault(r => r.IsActive);
        Policy policy;
        try
        {
            policy = record is null ? PolicyLoader.Default : store.Resolve(record);
        }
        catch (PolicyValidationException)
        {
            // A draft whose parent was deleted no longer resolves; the page lists why, the form starts from default.
            (record, policy) = (null, PolicyLoader.Default);
        }
        var source = record?.Version ?? PolicyLoader.DefaultVersion;
        var values = record is { IsActive: false }
            ? PolicyFormValues.From(policy, source, record.Extends)
            : PolicyFormValues.From(policy, $"{source}-{clock.GetUtcNow():yyyy-MM-dd}", source);
        return new PolicyFormModel(values, source, Versions(records), new Dictionary<string, IReadOnlyList<string>>(), null, policy,
            PolicyFormModel.GroupsFor(values));
    }

    /// <summary>The posted values again, with their errors by field, over the version they started from.</summary>
    public static PolicyFormModel Posted(PolicyStore store, PolicyFormValues values, string startedFrom,
        IReadOnlyDictionary<string, IReadOnlyList<string>> errors, string reason)
    {
        var records = store.List();
        Policy shown;
        try
        {
            shown = records.FirstOrDefault(r => r.Version == startedFrom) is { } r ? store.Resolve(r) : PolicyLoader.Default;
        }
        catch (PolicyValidationException)
        {
            shown = PolicyLoader.Default;
        }
        return new PolicyFormModel(values, startedFrom, Versions(records), errors, reason, shown, PolicyFormModel.GroupsFor(values));
    }

    private static List<string> Versions(IReadOnlyList<PolicyRecord> records) =>
        records.OrderBy(r => r.IsActive ? 0 : 1).ThenBy(r => r.Version == PolicyLoader.DefaultVersion ? "" : r.Version, StringComparer.Ordinal)
            .Select(r => r.Version).ToList();
}
