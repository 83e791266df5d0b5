using Workflow.Cmrt.Checking;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;

namespace Workflow.Cmrt.Evaluation;

/// <summary>
/// The minimal risk assessment shipped with the reader so it is usable without the policy engine: red flags for
/// covered-country sourcing answered Yes and for smelters located in a covered country, smelter statuses from the
/// reference list, and program strength from the company answers.
/// </summary>
public sealed class BasicAssessor(SmelterReferenceList referenceList) : IDeclarationAssessor
{
    public const string RuleName = "BasicAssessor";

    public BasicAssessor() : this(SmelterReferenceList.Empty) { }

    public DeclarationEvaluation Assess(CmrtDeclaration declaration, IReadOnlyList<Finding> checkerFindings, DateOnly asOf)
    {
        var findings = checkerFindings.ToList();
        foreach (var m in declaration.Metals.Where(m => m.InScope && m.CoveredCountrySourcing.IsYes))
            findings.Add(new Finding(FindingCodes.RedFlagCoveredCountrySourcing, FindingSeverity.RedFlag, m.CoveredCountrySourcing.Location,
                $"You declare that {m.Metal.ToString().ToLowerInvariant()} in your supply chain is sourced from the DRC or an adjoining country; we will ask for your due-diligence evidence.",
                "CoveredCountrySourcingRaisesRedFlag") { Because = "Covered-country sourcing answered Yes for a metal in scope" });

        var smelters = new List<SmelterAssessment>();
        foreach (var row in declaration.Smelters.Where(s => s.Metal is not null))
        {
            var covered = CoveredCountries.IsCovered(row.Country);
            if (covered)
                findings.Add(new Finding(FindingCodes.RedFlagCoveredCountrySmelter, FindingSeverity.RedFlag, $"Smelter List!E{row.RowNumber}",
                    $"Smelter '{row.Name ?? row.LookupName}' ({row.Metal}) is located in {row.Country}, a covered country; we will review its audit status.",
                    "CoveredCountrySmelterRaisesRedFlag") { Cid = row.Cid, Because = "Smelter located in a covered country" });
            smelters.Add(new SmelterAssessment(row.Metal!.Value.ToString(), row.Name ?? row.LookupName, row.Country, row.Cid,
                SmelterStatuses.Of(row, referenceList), covered));
        }

        var outcome = OutcomeRules.From(findings);
        return new DeclarationEvaluation
        {
            Outcome = outcome,
            Declaration = declaration,
            Findings = findings,
            Smelters = smelters,
            ProgramStrength = ProgramStrength(declaration),
            Determination = outcome == Outcome.Invalid ? null : Determination(declaration),
            Decisions = outcome switch
            {
                Outcome.Invalid => [new Decision("request-correction", RuleName, "The declaration has errors the supplier must correct.")],
                Outcome.RedFlag => [new Decision("escalate", RuleName, "The declaration raises at least one red flag.")],
                _ => [],
            },
            ReferenceListVersion = referenceList.Version,
        };
    }

    public static string ProgramStrength(CmrtDeclaration d)
    {
        if (!d.Metals.Any(m => m.InScope)) return "not-applicable";
        var q = d.CompanyQuestions;
        var strong = q.Policy is { IsYes: true } && q.DueDiligenceMeasures is { IsYes: true }
            && q.ReviewsSupplierInformation is { IsYes: true } && q.CorrectiveAction is { IsYes: true };
        return strong ? "strong" : "weak";
    }

    private static string Determination(CmrtDeclaration d)
    {
        var inScope = d.Metals.Where(m => m.InScope).ToList();
        if (inScope.Count == 0) return "no-3tg";
        if (inScope.All(m => m.RecycledOrScrap.IsYes)) return "recycled-or-scrap";
        if (inScope.All(m => m.CoveredCountrySourcing.IsNo)) return "not-from-covered-countries";
        return "undetermined";
    }
}
