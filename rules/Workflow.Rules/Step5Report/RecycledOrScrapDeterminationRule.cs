using NRules.Fluent.Dsl;
using Workflow.Rules.Facts;

namespace Workflow.Rules.Step5Report;

/// <summary>Every in-scope metal is declared 100% recycled or scrap.</summary>
[Name("Determination: 100% recycled or scrap")]
[Tag("Step5")]
[Priority(RuleSteps.DeterminationPriority)]
[Catalogue(5, "Every metal in scope is recycled or scrap.", "Determination: 100% recycled or scrap")]
public sealed class RecycledOrScrapDeterminationRule : Rule
{
    public override void Define()
    {
        IEnumerable<MetalOrigin> origins = default!;

        When()
            .Not<CheckerFinding>(f => f.IsError)
            .Query(() => origins, q => q.Match<MetalOrigin>().Collect().Where(c => c.Any()))
            .Having(() => Origins.AllRecycled(origins));
        Then()
            .Do(ctx => ctx.Insert(new Determination(Determination.RecycledOrScrap, nameof(RecycledOrScrapDeterminationRule), Origins.Explain(origins))));
    }
}
