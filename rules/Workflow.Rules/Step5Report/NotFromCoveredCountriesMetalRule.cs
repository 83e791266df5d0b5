using NRules.Fluent.Dsl;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step5Report;

/// <summary>Declared not from the covered countries, and no listed smelter of that metal is located there.</summary>
[Name("Metal is not from the covered countries")]
[Tag("Step5")]
[Priority(RuleSteps.MetalOriginPriority)]
[Catalogue(5, "The supplier answered No to covered-country sourcing and none of the metal's smelters is in a covered country.", "Metal origin: not from the covered countries", Reads = ["coveredCountries"])]
public sealed class NotFromCoveredCountriesMetalRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        MetalFact metal = default!;
        SmelterList smelters = default!;

        When()
            .Match(() => policy)
            .Match(() => metal, m => m.InScope, m => m.Answers.RecycledOrScrap.Value != Cmrt.Model.Answer.Yes,
                m => m.Answers.CoveredCountrySourcing.Value == Cmrt.Model.Answer.No)
            .Match(() => smelters)
            .Having(() => !MetalSourcing.HasCoveredCountrySmelter(smelters.ForMetal(metal.Metal), policy));
        Then()
            .Do(ctx => ctx.Insert(new MetalOrigin(metal.Metal, MetalOriginKind.NotFromCoveredCountries,
                nameof(NotFromCoveredCountriesMetalRule),
                metal.Name + ": declared not from the covered countries and no smelter located there")));
    }
}
