using Workflow.Cmrt.Reference;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Assessment;

/// <summary>
/// Makes assessors for the two callers: the service, which evaluates with the version a campaign is pinned to (looked
/// up in the live catalog at each call, so a reload takes effect), and the CLI's <c>cmrt check</c> and <c>cmrt bench</c>
/// (the built-in default, or <c>--policy PATH</c>). Both share one compiled rule set.
/// </summary>
public sealed class PolicyAssessorFactory(IPolicySource catalog, PolicyRuleSet rules)
{
    /// <exception cref="KeyNotFoundException">The version is not active (never loaded, or its file was invalid).</exception>
    public PolicyAssessor Create(SmelterReferenceList referenceList, string policyVersion) =>
        new(rules, catalog.Get(policyVersion)
            ?? throw new KeyNotFoundException($"Policy version '{policyVersion}' is not active; active versions: {string.Join(", ", catalog.Active.Keys.Order())}"),
            referenceList);

    /// <summary>
    /// The built-in default (embedded in this assembly, so it works from any folder) when <paramref name="policyPath"/>
    /// is null, else that file (which may extend default).
    /// </summary>
    /// <exception cref="PolicyValidationException">The file is invalid; the CLI reports the errors and exits 2.</exception>
    public static PolicyAssessor FromFile(PolicyRuleSet rules, string? policyPath, SmelterReferenceList referenceList) =>
        new(rules, policyPath is null ? PolicyLoader.Default : PolicyLoader.LoadFile(policyPath), referenceList);
}
