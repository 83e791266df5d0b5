using NRules.Fluent.Dsl;
using Workflow.Rules.Facts;

namespace Workflow.Rules.Step5Report;

/// <summary>Contains 3TG whose origin the declaration does not settle (the seed's 28 suppliers).</summary>
[Name("Determination: origin undetermined")]
[Tag("Step5")]
[Priority(RuleSteps.DeterminationPriority)]
[Catalogue(5, "At least one metal in scope has an undetermined origin.", "Determination: undetermined, naming the metals")]
public sealed class UndeterminedDeterminationRule : Rule
{
    public override void Define()
    {
        IEnumerable<MetalOrigin> origins = default!;

        When()
            .Not<CheckerFinding>(f => f.IsError)
            .Query(() => origins, q => q.Match<MetalOrigin>().Collect().Where(c => c.Any()))
            .Having(() => Origins.AnyUndetermined(origins));
        Then()
            .Do(ctx => ctx.Insert(new Determination(Determination.Undetermined, nameof(UndeterminedDeterminationRule), Origins.ExplainUndetermined(origins))));
    }
}
