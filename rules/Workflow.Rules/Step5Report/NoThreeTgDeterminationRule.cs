using NRules.Fluent.Dsl;
using Workflow.Rules.Facts;

namespace Workflow.Rules.Step5Report;

/// <summary>No metal is in scope: the supplier's products contain no 3TG.</summary>
[Name("Determination: no 3TG")]
[Tag("Step5")]
[Priority(RuleSteps.DeterminationPriority)]
[Catalogue(5, "No metal is in scope and the checker found no error.", "Determination: no 3TG")]
public sealed class NoThreeTgDeterminationRule : Rule
{
    public override void Define()
    {
        DeclarationFact declaration = default!;

        When()
            .Match(() => declaration)
            .Not<CheckerFinding>(f => f.IsError)
            .Not<MetalFact>(m => m.InScope);
        Then()
            .Do(ctx => ctx.Insert(new Determination(Determination.NoThreeTg, nameof(NoThreeTgDeterminationRule),
                "no metal is intentionally added to, used in or remaining in the products")));
    }
}
