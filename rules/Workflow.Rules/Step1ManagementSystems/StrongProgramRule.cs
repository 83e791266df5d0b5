using NRules.Fluent.Dsl;
using Workflow.Cmrt.Model;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step1ManagementSystems;

/// <summary>Seed Step 1: Yes to every configured company-level criterion (default A, E, H, I) is a strong program.</summary>
[Name("Supplier program is strong")]
[Tag("Step1")]
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
