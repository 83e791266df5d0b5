using NRules.Fluent.Dsl;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step2IdentifyRisk;

/// <summary>Seed criterion (i): proximity to the DRC. A smelter located in a covered country.</summary>
[Name("Smelter located in a covered country")]
[Tag("Step2"), Tag("SmelterRedFlag")]
[Priority(RuleSteps.FlagPriority)]
[Catalogue(2, "A listed smelter is located in one of the policy's covered countries.", "Red flag on the smelter row", Reads = ["coveredCountries", "redFlags.smelterInCoveredCountry"], Flag = RedFlags.SmelterInCoveredCountry)]
public sealed class CoveredCountrySmelterRaisesRedFlagRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        SmelterFact smelter = default!;

        When()
            .Match(() => policy, p => p.Raises(RedFlags.SmelterInCoveredCountry))
            .Match(() => smelter, s => s.CountryCode != null, s => policy.IsCovered(s.CountryCode));
        Then()
            .Do(ctx => ctx.Insert(Flag(policy, smelter)));
    }

    private static Finding Flag(Policy policy, SmelterFact s) => RuleOutput.Flag(policy, RedFlags.SmelterInCoveredCountry,
        nameof(CoveredCountrySmelterRaisesRedFlagRule), RuleSteps.IdentifyRisk, s.Location,
        $"{s.MetalName} smelter {s.Label} is located in {s.Country}, a covered country.",
        $"{s.MetalName} smelter {s.Label} is in {Countries.NameOf(s.CountryCode!)}, a covered country (DRC or a neighbour)",
        s.Cid);
}
