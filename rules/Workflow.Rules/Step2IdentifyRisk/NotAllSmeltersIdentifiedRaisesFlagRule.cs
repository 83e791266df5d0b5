using NRules.Fluent.Dsl;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step2IdentifyRisk;

/// <summary>The supplier says its smelter list for a metal is incomplete.</summary>
[Name("Not all smelters identified")]
[Tag("Step2"), Tag("DeclarationRedFlag")]
[Priority(RuleSteps.FlagPriority)]
[Catalogue(2, "The supplier answered No to having identified all smelters for a metal in scope.", "Flag at the answer cell", Reads = ["redFlags.notAllSmeltersIdentified"], Flag = RedFlags.NotAllSmeltersIdentified)]
public sealed class NotAllSmeltersIdentifiedRaisesFlagRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        MetalFact metal = default!;

        When()
            .Match(() => policy, p => p.Raises(RedFlags.NotAllSmeltersIdentified))
            .Match(() => metal, m => m.InScope, m => m.Answers.AllSmeltersIdentified.Value == Cmrt.Model.Answer.No);
        Then()
            .Do(ctx => ctx.Insert(Flag(policy, metal)));
    }

    private static Finding Flag(Policy policy, MetalFact m) => RuleOutput.Flag(policy, RedFlags.NotAllSmeltersIdentified,
        nameof(NotAllSmeltersIdentifiedRaisesFlagRule), RuleSteps.IdentifyRisk, m.Answers.AllSmeltersIdentified.Location,
        $"You have not yet identified all {m.Name} smelters in your supply chain.",
        $"the supplier has not identified all of its {m.Name} smelters, so its smelter list is incomplete");
}
