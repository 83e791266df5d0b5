using NRules.Fluent.Dsl;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step3Respond;

/// <summary>
/// The seed's escalation plan: when a company-level (or user-defined) CMRT names an escalating red-flag smelter, ask
/// for a product-level CMRT to see whether that smelter is connected to our products.
/// </summary>
[Name("Red-flag smelter in a company-level CMRT: request a product-level CMRT")]
[Tag("Step3")]
[Priority(RuleSteps.DecisionPriority)]
[Catalogue(3, "A company-level declaration names a smelter with an escalating red flag.", "Decision: request a product-level CMRT")]
public sealed class RedFlagSmelterInCompanyLevelDeclarationRequestsProductLevelCmrtRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        DeclarationFact declaration = default!;
        IEnumerable<Finding> flagged = default!;

        When()
            .Match(() => policy)
            .Match(() => declaration, d => d.CoversMoreThanOurProducts)
            .Query(() => flagged, q => q
                .Match<Finding>(f => RuleOutput.IsEscalatingSmelterFinding(f))
                .Collect()
                .Where(c => c.Any()));
        Then()
            .Do(ctx => ctx.Insert(RuleOutput.Decide(policy, DecisionKinds.RequestProductLevelCmrt,
                nameof(RedFlagSmelterInCompanyLevelDeclarationRequestsProductLevelCmrtRule),
                Because(declaration, flagged))));
    }

    private static string Because(DeclarationFact d, IEnumerable<Finding> flagged) =>
        $"the {d.ScopeName} CMRT names red-flag smelters ({RuleOutput.Few(flagged.Select(f => f.Cid ?? f.Location))}); a product-level CMRT shows whether they supply our parts";
}
