using NRules.Fluent.Dsl;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step5Report;

/// <summary>Declared not from the covered countries, and no listed smelter of that metal is located there.</summary>
[Name("Metal is not from the covered countries")]
[Tag("Step5")]
[Priority(RuleSteps.MetalOriginPriority)]
public sealed class NotFromCoveredCountriesMetalRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        MetalFact metal = default!;

        When()
            .Match(() => policy)
            .Match(() => metal, m => m.InScope, m => m.Answers.RecycledOrScrap.Value != Cmrt.Model.Answer.Yes,
                m => m.Answers.CoveredCountrySourcing.Value == Cmrt.Model.Answer.No)
            .Not<SmelterFact>(s => s.Metal == metal.Metal, s => policy.IsCovered(s.CountryCode));
        Then()
            .Do(ctx => ctx.Insert(new MetalOrigin(metal.Metal, MetalOriginKind.NotFromCoveredCountries,
                nameof(NotFromCoveredCountriesMetalRule),
                metal.Name + ": declared not from the covered countries and no smelter located there")));
    }
}
