using NRules.Fluent.Dsl;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step2IdentifyRisk;

/// <summary>Seed criterion (iii): known or plausible evidence of unethical or conflict sourcing, kept as a concern list.</summary>
[Name("Smelter on the concern list")]
[Tag("Step2"), Tag("SmelterRedFlag")]
[Priority(RuleSteps.FlagPriority)]
[Catalogue(2, "A listed smelter's CID is on the policy's concern list.", "Red flag on the smelter row, with the concern's reason", Reads = ["concernList", "redFlags.smelterOnConcernList"], Flag = RedFlags.SmelterOnConcernList)]
public sealed class ConcernListSmelterRaisesRedFlagRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        SmelterFact smelter = default!;

        When()
            .Match(() => policy, p => p.Raises(RedFlags.SmelterOnConcernList), p => p.ConcernList.Count > 0)
            .Match(() => smelter, s => s.Cid != null, s => policy.ConcernFor(s.Cid) != null);
        Then()
            .Do(ctx => ctx.Insert(Flag(policy, smelter)));
    }

    private static Finding Flag(Policy policy, SmelterFact s)
    {
        var reason = policy.ConcernFor(s.Cid)!.Reason;
        return RuleOutput.Flag(policy, RedFlags.SmelterOnConcernList, nameof(ConcernListSmelterRaisesRedFlagRule),
            RuleSteps.IdentifyRisk, s.Location,
            $"{s.MetalName} smelter {s.Label} is on our list of smelters of concern: {reason}.",
            $"{s.MetalName} smelter {s.Label} is on the concern list: {reason}",
            s.Cid);
    }
}
