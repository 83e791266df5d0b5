using NRules.Fluent.Dsl;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step5Report;

/// <summary>
/// The fallback: an in-scope metal no other origin rule could place. Lower priority than those rules, so it only
/// fires once they have had their turn.
/// </summary>
[Name("Metal origin undetermined")]
[Tag("Step5")]
[Priority(RuleSteps.FallbackMetalOriginPriority)]
[Catalogue(5, "A metal in scope got no other origin.", "Metal origin: undetermined, with the reason")]
public sealed class UndeterminedMetalOriginRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        MetalFact metal = default!;
        SmelterList smelters = default!;

        When()
            .Match(() => policy)
            .Match(() => metal, m => m.InScope)
            .Not<MetalOrigin>(o => o.Metal == metal.Metal)
            .Match(() => smelters);
        Then()
            .Do(ctx => ctx.Insert(new MetalOrigin(metal.Metal, MetalOriginKind.Undetermined,
                nameof(UndeterminedMetalOriginRule), MetalSourcing.WhyUndetermined(metal, smelters.ForMetal(metal.Metal), policy))));
    }
}
