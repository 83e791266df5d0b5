using NRules.Fluent.Dsl;
using Workflow.Rules.Facts;

namespace Workflow.Rules.Step5Report;

/// <summary>Some 3TG may come from the covered countries, but only through conformant smelters.</summary>
[Name("Determination: from the covered countries through conformant smelters")]
[Tag("Step5")]
[Priority(RuleSteps.DeterminationPriority)]
[Catalogue(5, "Every metal in scope is from the covered countries through conformant smelters, or not from them, or recycled.", "Determination: from the covered countries through conformant smelters")]
public sealed class CoveredCountriesConformantDeterminationRule : Rule
{
    public override void Define()
    {
        IEnumerable<MetalOrigin> origins = default!;

        When()
            .Not<CheckerFinding>(f => f.IsError)
            .Query(() => origins, q => q.Match<MetalOrigin>().Collect().Where(c => c.Any()))
            .Having(() => Origins.CoveredCountriesConformant(origins));
        Then()
            .Do(ctx => ctx.Insert(new Determination(Determination.CoveredCountriesConformant, nameof(CoveredCountriesConformantDeterminationRule), Origins.Explain(origins))));
    }
}
