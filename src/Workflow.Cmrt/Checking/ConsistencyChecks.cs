using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Checking;

/// <summary>Answer combinations a reviewer would query; warnings, since each can have an innocent explanation.</summary>
internal static class ConsistencyChecks
{
    public static void Run(CmrtDeclaration d, FindingList findings)
    {
        foreach (var m in d.Metals.Where(m => m.InScope))
        {
            var metal = m.Metal.ToString().ToLowerInvariant();
            // One code, four combinations: the variant picks the translated text (FindingTexts).
            var args = (string variant, string location) => FindingList.Args(("variant", variant), ("metal", metal),
                ("sheet", location.Split('!')[0]), ("cell", location.Contains('!') ? location.Split('!')[1] : null));
            if (d.Family >= 3 && m.IntentionallyAdded.IsNo && m.RemainsInProduct is { IsYes: true } q2)
                findings.Warning(FindingCodes.InconsistentAnswers, q2.Location,
                    $"For {metal} you answered No to question 1 but Yes to question 2; please check both answers.", CheckerRules.Consistency, args("q1-no-q2-yes", q2.Location));

            if (m.RecycledOrScrap.IsYes && m.CoveredCountrySourcing.IsYes)
                findings.Warning(FindingCodes.InconsistentAnswers, m.RecycledOrScrap.Location,
                    $"For {metal} you state that all material is recycled or scrap and also that it is sourced from the covered countries; please check both answers.",
                    CheckerRules.Consistency, args("recycled-and-covered", m.RecycledOrScrap.Location));

            var incomplete = m.ResponseRate is { IsComplete: false } && !m.AllSmeltersIdentified.IsYes;
            if (m.CoveredCountrySourcing.IsNo && incomplete)
                findings.Warning(FindingCodes.InconsistentAnswers, m.CoveredCountrySourcing.Location,
                    $"For {metal} you state No covered-country sourcing, although not all suppliers responded and not all smelters are identified; explain the basis in the comment.",
                    CheckerRules.Consistency, args("no-covered-incomplete", m.CoveredCountrySourcing.Location));

            if (m.AllSmeltersIdentified.IsYes && m.ResponseRate is { IsComplete: false })
                findings.Warning(FindingCodes.InconsistentAnswers, m.AllSmeltersIdentified.Location,
                    $"For {metal} you state that all smelters are identified, although not all suppliers responded; please check.",
                    CheckerRules.Consistency, args("identified-incomplete", m.AllSmeltersIdentified.Location));
        }
    }
}
