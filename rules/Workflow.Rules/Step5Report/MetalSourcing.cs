using Workflow.Cmrt.Model;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step5Report;

/// <summary>The per-metal reasoning the Step 5 rules share, kept pure so it can be tested on its own.</summary>
public static class MetalSourcing
{
    /// <summary>
    /// The smelters through which the metal may come from the covered countries: all of the metal's smelters when the
    /// supplier says Yes (we cannot tell which), otherwise those located in a covered country.
    /// </summary>
    public static IReadOnlyList<SmelterFact> CoveredCountrySmelters(MetalFact metal, IEnumerable<SmelterFact> smelters, Policy policy) =>
        metal.Answers.CoveredCountrySourcing.IsYes
            ? smelters.ToList()
            : smelters.Where(s => policy.IsCovered(s.CountryCode)).ToList();

    public static bool HasCoveredCountrySmelter(IEnumerable<SmelterFact> smelters, Policy policy) =>
        smelters.Any(s => policy.IsCovered(s.CountryCode));

    /// <summary>Covered-country material (declared or by smelter location) that only passes through conformant smelters.</summary>
    public static bool ThroughConformantSmelters(MetalFact metal, IEnumerable<SmelterFact> smelters, Policy policy)
    {
        var sourcing = metal.Answers.CoveredCountrySourcing.Value;
        if (sourcing is not (Answer.Yes or Answer.No)) return false;
        var covered = CoveredCountrySmelters(metal, smelters, policy);
        return covered.Count > 0 && covered.All(s => s.AuditStatus == SmelterAuditStatus.Conformant);
    }

    public static string WhyUndetermined(MetalFact metal, IEnumerable<SmelterFact> smelters, Policy policy)
    {
        var answer = metal.Answers.CoveredCountrySourcing;
        if (answer.Value is not (Answer.Yes or Answer.No))
            return $"{metal.Name}: covered-country sourcing answered '{answer.Raw ?? "blank"}'";
        var covered = CoveredCountrySmelters(metal, smelters, policy);
        if (covered.Count == 0)
            return $"{metal.Name}: covered-country sourcing answered Yes but no {metal.Name} smelter is listed";
        var notConformant = covered.Where(s => s.AuditStatus != SmelterAuditStatus.Conformant).Select(s => s.Label);
        return $"{metal.Name}: may come from the covered countries through smelters that are not conformant ({RuleOutput.Few(notConformant)})";
    }
}
