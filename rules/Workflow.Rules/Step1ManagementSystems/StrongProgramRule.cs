using NRules.Fluent.Dsl;
using Workflow.Cmrt.Model;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step1ManagementSystems;

/// <summary>Seed Step 1: Yes to every configured company-level criterion (default A, E, H, I) is a strong program.</summary>
[Name("Supplier program is strong")]
[Tag("Step1")]
[Catalogue(1, "Every company-level answer the policy counts as a strong program is Yes, for a declaration with 3TG in scope.", "Program strength \"strong\" (for the report; never changes the outcome)", Reads = ["strongProgramCriteria"])]
public sealed class StrongProgramRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        CompanyAnswers answers = default!;

        When()
            .Match(() => policy)
            .Exists<MetalFact>(m => m.InScope)
            .Match(() => answers, a => ProgramCriteria.AllYes(a, policy.StrongProgramCriteria));
        Then()
            .Do(ctx => ctx.Insert(new ProgramStrength("strong", nameof(StrongProgramRule),
                "the supplier answered Yes to every program criterion: " + string.Join(", ", policy.StrongProgramCriteria))));
    }
}
