using NRules.Fluent.Dsl;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step3Respond;

/// <summary>An invalid CMRT goes back to the supplier with the checker's errors.</summary>
[Name("Invalid CMRT: request a correction")]
[Tag("Step3")]
[Priority(RuleSteps.DecisionPriority)]
[Catalogue(3, "The CMRT checker found errors in the workbook.", "Decision: request a correction from the supplier")]
public sealed class CheckerErrorRequestsCorrectionRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        IEnumerable<CheckerFinding> errors = default!;

        When()
            .Match(() => policy)
            .Query(() => errors, q => q.Match<CheckerFinding>(f => f.IsError).Collect().Where(c => c.Any()));
        Then()
            .Do(ctx => ctx.Insert(RuleOutput.Decide(policy, DecisionKinds.RequestCorrection,
                nameof(CheckerErrorRequestsCorrectionRule), Because(errors))));
    }

    private static string Because(IEnumerable<CheckerFinding> errors)
    {
        var list = errors.Select(e => e.Finding).ToList();
        return $"the CMRT has {list.Count} error(s) the supplier must correct, first: {list[0].Message} ({list[0].Location})";
    }
}
