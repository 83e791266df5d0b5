using NRules.Fluent.Dsl;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step2IdentifyRisk;

/// <summary>A "Smelter not yet identified" row: the supplier knows there is a smelter but not which.</summary>
[Name("Smelter not yet identified")]
[Tag("Step2"), Tag("SmelterRedFlag")]
[Priority(RuleSteps.FlagPriority)]
[Catalogue(2, "A Smelter List row says \"smelter not yet identified\".", "Flag on the smelter row", Reads = ["redFlags.smelterNotYetIdentified"], Flag = RedFlags.SmelterNotYetIdentified)]
public sealed class NotYetIdentifiedSmelterRaisesFlagRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        SmelterFact smelter = default!;

        When()
            .Match(() => policy, p => p.Raises(RedFlags.SmelterNotYetIdentified))
            .Match(() => smelter, s => s.IsNotYetIdentified);
        Then()
            .Do(ctx => ctx.Insert(Flag(policy, smelter)));
    }

    private static Finding Flag(Policy policy, SmelterFact s) => RuleOutput.Flag(policy,
        RedFlags.SmelterNotYetIdentified, nameof(NotYetIdentifiedSmelterRaisesFlagRule), RuleSteps.IdentifyRisk,
        s.Location,
        $"A {s.MetalName} smelter on row {s.Row.RowNumber} is marked 'not yet identified'; please identify it when you can.",
        $"the supplier lists a {s.MetalName} smelter it has not yet identified (row {s.Row.RowNumber})",
        s.Cid);
}
