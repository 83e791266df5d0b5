using NRules.Fluent.Dsl;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step2IdentifyRisk;

/// <summary>Seed criterion (i), widened by OECD: a smelter located in a configured conflict-affected or high-risk area.</summary>
[Name("Smelter located in a conflict-affected or high-risk area")]
[Tag("Step2"), Tag("SmelterRedFlag")]
[Priority(RuleSteps.FlagPriority)]
[Catalogue(2, "A listed smelter is located in a country on the policy's CAHRA list.", "Red flag on the smelter row", Reads = ["cahraCountries", "redFlags.smelterInCahra"], Flag = RedFlags.SmelterInCahra)]
public sealed class CahraSmelterRaisesRedFlagRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        SmelterFact smelter = default!;

        When()
            .Match(() => policy, p => p.Raises(RedFlags.SmelterInCahra), p => p.CahraCountries.Count > 0)
            .Match(() => smelter, s => s.CountryCode != null, s => policy.IsCahra(s.CountryCode));
        Then()
            .Do(ctx => ctx.Insert(Flag(policy, smelter)));
    }

    private static Finding Flag(Policy policy, SmelterFact s) => RuleOutput.Flag(policy, RedFlags.SmelterInCahra,
        nameof(CahraSmelterRaisesRedFlagRule), RuleSteps.IdentifyRisk, s.Location,
        $"{s.MetalName} smelter {s.Label} is located in {s.Country}, a conflict-affected or high-risk area.",
        $"{s.MetalName} smelter {s.Label} is in {Countries.NameOf(s.CountryCode!)}, on the policy's CAHRA list",
        s.Cid);
}
