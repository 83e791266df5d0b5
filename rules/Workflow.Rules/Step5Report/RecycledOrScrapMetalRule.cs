using NRules.Fluent.Dsl;
using Workflow.Rules.Facts;

namespace Workflow.Rules.Step5Report;

/// <summary>100% recycled or scrap material is outside the covered-country question.</summary>
[Name("Metal is 100% recycled or scrap")]
[Tag("Step5")]
[Priority(RuleSteps.MetalOriginPriority)]
[Catalogue(5, "The supplier answered Yes to a metal in scope coming from recycled or scrap sources.", "Metal origin: recycled or scrap")]
public sealed class RecycledOrScrapMetalRule : Rule
{
    public override void Define()
    {
        MetalFact metal = default!;

        When()
            .Match(() => metal, m => m.InScope, m => m.Answers.RecycledOrScrap.Value == Cmrt.Model.Answer.Yes);
        Then()
            .Do(ctx => ctx.Insert(new MetalOrigin(metal.Metal, MetalOriginKind.RecycledOrScrap, nameof(RecycledOrScrapMetalRule),
                metal.Name + ": declared 100% recycled or scrap")));
    }
}
