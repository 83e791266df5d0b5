using NRules.Fluent.Dsl;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step2IdentifyRisk;

/// <summary>The supplier says an in-scope metal comes (in part) from the covered countries.</summary>
[Name("Covered-country sourcing answered Yes")]
[Tag("Step2"), Tag("DeclarationRedFlag")]
[Priority(RuleSteps.FlagPriority)]
[Catalogue(2, "The supplier answered Yes to sourcing a metal in scope from the covered countries.", "Red flag at the answer cell", Reads = ["redFlags.coveredCountrySourcing"], Flag = RedFlags.CoveredCountrySourcing)]
public sealed class CoveredCountrySourcingRaisesRedFlagRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        MetalFact metal = default!;

        When()
            .Match(() => policy, p => p.Raises(RedFlags.CoveredCountrySourcing))
            .Match(() => metal, m => m.InScope, m => m.Answers.CoveredCountrySourcing.Value == Cmrt.Model.Answer.Yes);
        Then()
            .Do(ctx => ctx.Insert(Flag(policy, metal)));
    }

    private static Finding Flag(Policy policy, MetalFact m) => RuleOutput.Flag(policy, RedFlags.CoveredCountrySourcing,
        nameof(CoveredCountrySourcingRaisesRedFlagRule), RuleSteps.IdentifyRisk, m.Answers.CoveredCountrySourcing.Location,
        $"You declared that {m.Name} originates (in part) from the covered countries.",
        $"the supplier declares that its {m.Name} comes from the DRC or a neighbouring country");
}
