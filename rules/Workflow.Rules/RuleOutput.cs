using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Policies;

namespace Workflow.Rules;

/// <summary>
/// Builds what rules insert, so every finding and decision carries the rule, OECD step, policy version and a
/// one-line reason the same way.
/// </summary>
public static class RuleOutput
{
    public const string SmelterSheet = "Smelter List!";

    /// <summary>A red-flag finding whose severity is the policy's effect for <paramref name="flag"/>.</summary>
    public static Finding Flag(Policy policy, string flag, string rule, int oecdStep, string location, string message,
        string because, string? cid = null) =>
        new(RedFlagCodes.Of(flag), policy.EffectOf(flag) == FlagEffect.Escalate ? FindingSeverity.RedFlag : FindingSeverity.Warning,
            location, message, rule)
        {
            OecdStep = oecdStep,
            PolicyVersion = policy.Version,
            Because = $"{because} (policy {policy.Version}: {policy.EffectOf(flag).ToString().ToLowerInvariant()})",
            Cid = cid,
        };

    public static Decision Decide(Policy policy, string kind, string rule, string because) =>
        new(kind, rule, because) { PolicyVersion = policy.Version };

    public static bool IsSmelterFinding(Finding finding) =>
        finding.Location.StartsWith(SmelterSheet, StringComparison.Ordinal);

    public static bool IsEscalatingSmelterFinding(Finding finding) =>
        finding.Severity == FindingSeverity.RedFlag && IsSmelterFinding(finding);

    /// <summary>"A, B and 3 more" for one-line reasons.</summary>
    public static string Few(IEnumerable<string> items, int max = 3)
    {
        var list = items.Distinct().ToList();
        return list.Count <= max ? string.Join(", ", list) : $"{string.Join(", ", list.Take(max))} and {list.Count - max} more";
    }
}
