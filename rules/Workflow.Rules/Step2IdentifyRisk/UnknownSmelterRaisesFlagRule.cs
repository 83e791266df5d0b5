using NRules.Fluent.Dsl;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step2IdentifyRisk;

/// <summary>
/// Seed criterion (ii): legitimacy. A name or ID that is not on the reference list may be a trader, a closed plant
/// or a typo; it cannot be checked for an audit.
/// </summary>
[Name("Smelter is not on the reference list")]
[Tag("Step2"), Tag("SmelterRedFlag")]
[Priority(RuleSteps.FlagPriority)]
[Catalogue(2, "A listed smelter is not on the reference list (or its CID belongs to another metal).", "Flag \"not a known smelter\" on the row", Reads = ["redFlags.smelterNotOnReferenceList"], Flag = RedFlags.SmelterNotOnReferenceList)]
public sealed class UnknownSmelterRaisesFlagRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        SmelterFact smelter = default!;

        When()
            .Match(() => policy, p => p.Raises(RedFlags.SmelterNotOnReferenceList))
            .Match(() => smelter, s => !s.IsOnReferenceList, s => !s.IsNotYetIdentified);
        Then()
            .Do(ctx => ctx.Insert(Flag(policy, smelter)));
    }

    private static Finding Flag(Policy policy, SmelterFact s) => RuleOutput.Flag(policy,
        RedFlags.SmelterNotOnReferenceList, nameof(UnknownSmelterRaisesFlagRule), RuleSteps.IdentifyRisk, s.Location,
        $"{s.MetalName} smelter {s.Label} is not a known smelter on the reference list; please check its name and ID.",
        $"{s.MetalName} smelter {s.Label} is not a known smelter (not on the reference list), so its audit status cannot be checked",
        s.Cid);
}
