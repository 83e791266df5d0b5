using NRules.Fluent.Dsl;
using Workflow.Cmrt.Model;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step1ManagementSystems;

/// <summary>
/// Seed Step 1: anything short of Yes to every criterion is a weak program. Recorded for the report and for
/// prioritising follow-up; it never changes the outcome.
/// </summary>
[Name("Supplier program is weak")]
[Tag("Step1")]
[Catalogue(1, "At least one of the policy's strong-program answers is not Yes; no 3TG in scope gives \"not applicable\".", "Program strength \"weak\" with the unmet answers (never changes the outcome)", Reads = ["strongProgramCriteria"])]
public sealed class WeakProgramRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        CompanyAnswers answers = default!;

        When()
            .Match(() => policy)
            .Exists<MetalFact>(m => m.InScope)
            .Match(() => answers, a => !ProgramCriteria.AllYes(a, policy.StrongProgramCriteria));
        Then()
            .Do(ctx => ctx.Insert(new ProgramStrength("weak", nameof(WeakProgramRule),
                "the supplier did not answer Yes to: " + string.Join(", ", ProgramCriteria.Unmet(answers, policy.StrongProgramCriteria)))));
    }
}
