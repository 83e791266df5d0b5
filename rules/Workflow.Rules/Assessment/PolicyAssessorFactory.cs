using Workflow.Cmrt.Reference;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Assessment;

/// <summary>
/// Makes assessors for the two callers: the service, which evaluates with the version a campaign is pinned to (looked
/// up in the live catalog at each call, so a reload takes effect), and <c>cmrt check --policy PATH</c>.
/// Both share the process-wide compiled rules.
/// </summary>
public sealed class PolicyAssessorFactory(PolicyCatalog catalog, PolicyRuleSet? rules = null)
{
    private readonly PolicyRuleSet _rules = rules ?? PolicyRuleSet.All;

    /// <exception cref="KeyNotFoundException">The version is not active (never loaded, or its file was invalid).</exception>
    public PolicyAssessor Create(SmelterReferenceList referenceList, string policyVersion) =>
        new(_rules, catalog.Get(policyVersion)
            ?? throw new KeyNotFoundException($"Policy version '{policyVersion}' is not active; active versions: {string.Join(", ", catalog.Active.Keys.Order())}"),
            referenceList);

    /// <summary>The built-in default when <paramref name="policyPath"/> is null, else that file (which may extend default).</summary>
    /// <exception cref="PolicyValidationException">The file is invalid; the CLI reports the errors and exits 2.</exception>
    public static PolicyAssessor FromFile(string? policyPath, SmelterReferenceList referenceList) =>
        new(PolicyRuleSet.All, policyPath is null ? PolicyLoader.Default : PolicyLoader.LoadFile(policyPath), referenceList);
}
