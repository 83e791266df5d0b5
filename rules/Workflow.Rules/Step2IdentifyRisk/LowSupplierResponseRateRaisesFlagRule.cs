using NRules.Fluent.Dsl;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step2IdentifyRisk;

/// <summary>
/// The supplier heard back from too few of its own suppliers, so its smelter list is likely incomplete. Compared on the
/// lower bound of the band chosen ("Greater than 75%" counts as 75).
/// </summary>
[Name("Supplier response rate below the policy minimum")]
[Tag("Step2"), Tag("DeclarationRedFlag")]
[Priority(RuleSteps.FlagPriority)]
[Catalogue(2, "The share of the supplier's own suppliers that responded is below the policy minimum.", "Flag at the answer cell", Reads = ["minimumSupplierResponseRate", "redFlags.lowSupplierResponseRate"], Flag = RedFlags.LowSupplierResponseRate)]
public sealed class LowSupplierResponseRateRaisesFlagRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        MetalFact metal = default!;

        When()
            .Match(() => policy, p => p.Raises(RedFlags.LowSupplierResponseRate))
            .Match(() => metal, m => m.InScope, m => m.Answers.ResponseRate.HasValue,
                m => m.Answers.ResponseRate!.Value.LowerBoundPercent < policy.MinimumSupplierResponseRate);
        Then()
            .Do(ctx => ctx.Insert(Flag(policy, metal)));
    }

    private static Finding Flag(Policy policy, MetalFact m) => RuleOutput.Flag(policy, RedFlags.LowSupplierResponseRate,
        nameof(LowSupplierResponseRateRaisesFlagRule), RuleSteps.IdentifyRisk, m.Answers.SupplierResponse.Location,
        $"For {m.Name} you received responses from '{m.Answers.SupplierResponse.Raw}' of your suppliers; we expect at least {policy.MinimumSupplierResponseRate}%.",
        $"only '{m.Answers.SupplierResponse.Raw}' of the supplier's own suppliers answered for {m.Name} (policy minimum {policy.MinimumSupplierResponseRate}%)");
}
