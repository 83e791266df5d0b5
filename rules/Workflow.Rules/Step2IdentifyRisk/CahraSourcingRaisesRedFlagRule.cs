using NRules.Fluent.Dsl;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step2IdentifyRisk;

/// <summary>CMRT 6.x asks separately whether smelters source from conflict-affected and high-risk areas.</summary>
[Name("CAHRA sourcing answered Yes")]
[Tag("Step2"), Tag("DeclarationRedFlag")]
[Priority(RuleSteps.FlagPriority)]
[Catalogue(2, "The supplier answered Yes to sourcing a metal in scope from a conflict-affected or high-risk area (CMRT 6.x).", "Red flag at the answer cell", Reads = ["redFlags.cahraSourcing"], Flag = RedFlags.CahraSourcing)]
public sealed class CahraSourcingRaisesRedFlagRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        MetalFact metal = default!;

        When()
            .Match(() => policy, p => p.Raises(RedFlags.CahraSourcing))
            .Match(() => metal, m => m.InScope, m => m.Answers.CahraSourcing != null,
                m => m.Answers.CahraSourcing!.Value == Cmrt.Model.Answer.Yes);
        Then()
            .Do(ctx => ctx.Insert(Flag(policy, metal)));
    }

    private static Finding Flag(Policy policy, MetalFact m) => RuleOutput.Flag(policy, RedFlags.CahraSourcing,
        nameof(CahraSourcingRaisesRedFlagRule), RuleSteps.IdentifyRisk, m.Answers.CahraSourcing!.Location,
        $"You declared that smelters in your supply chain source {m.Name} from conflict-affected and high-risk areas.",
        $"the supplier declares that its {m.Name} smelters source from conflict-affected or high-risk areas");
}
