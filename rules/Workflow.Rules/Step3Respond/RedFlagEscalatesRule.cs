using NRules.Fluent.Dsl;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step3Respond;

/// <summary>Any escalating red flag goes to management; warnings do not.</summary>
[Name("Red flag: escalate to management")]
[Tag("Step3")]
[Priority(RuleSteps.DecisionPriority)]
[Catalogue(3, "Any finding is an escalating red flag.", "Decision: escalate to management", Reads = ["redFlags"])]
public sealed class RedFlagEscalatesRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        IEnumerable<Finding> redFlags = default!;

        When()
            .Match(() => policy)
            .Query(() => redFlags, q => q
                .Match<Finding>(f => f.Severity == FindingSeverity.RedFlag)
                .Collect()
                .Where(c => c.Any()));
        Then()
            .Do(ctx => ctx.Insert(RuleOutput.Decide(policy, DecisionKinds.Escalate, nameof(RedFlagEscalatesRule),
                Because(redFlags))));
    }

    private static string Because(IEnumerable<Finding> redFlags)
    {
        var list = redFlags.ToList();
        return list.Count == 1
            ? $"red flag: {list[0].Because}"
            : $"{list.Count} red flags, e.g. {list[0].Because}; codes: {RuleOutput.Few(list.Select(f => f.Code))}";
    }
}
