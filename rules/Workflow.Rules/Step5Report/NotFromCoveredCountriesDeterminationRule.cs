using NRules.Fluent.Dsl;
using Workflow.Rules.Facts;

namespace Workflow.Rules.Step5Report;

/// <summary>Every in-scope metal is declared not from the covered countries (or recycled), and no smelter is located there.</summary>
[Name("Determination: 3TG not from the covered countries")]
[Tag("Step5")]
[Priority(RuleSteps.DeterminationPriority)]
[Catalogue(5, "Every metal in scope is not from the covered countries (recycled metals allowed alongside).", "Determination: 3TG not from the covered countries")]
public sealed class NotFromCoveredCountriesDeterminationRule : Rule
{
    public override void Define()
    {
        IEnumerable<MetalOrigin> origins = default!;

        When()
            .Not<CheckerFinding>(f => f.IsError)
            .Query(() => origins, q => q.Match<MetalOrigin>().Collect().Where(c => c.Any()))
            .Having(() => Origins.NotFromCoveredCountries(origins));
        Then()
            .Do(ctx => ctx.Insert(new Determination(Determination.NotFromCoveredCountries, nameof(NotFromCoveredCountriesDeterminationRule), Origins.Explain(origins))));
    }
}
