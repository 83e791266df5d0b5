using NRules.Fluent.Dsl;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step3Respond;

/// <summary>Seed: "for suppliers not responding to second requests, … escalation … is mandatory".</summary>
[Name("No response after the second request: escalate")]
[Tag("Step3"), Tag("Timing")]
[Priority(RuleSteps.DecisionPriority)]
public sealed class NoResponseAfterSecondRequestEscalatesRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        AsOf asOf = default!;
        CaseTimeline timeline = default!;

        When()
            .Match(() => policy)
            .Match(() => asOf)
            .Match(() => timeline, t => t.AwaitingResponseToSecondRequest, t => t.EscalatedOn == null,
                t => asOf.Date >= t.SecondRequestSentOn!.Value.AddDays(policy.Escalation.NoResponseAfterSecondRequestDays));
        Then()
            .Do(ctx => ctx.Insert(RuleOutput.Decide(policy, DecisionKinds.Escalate,
                nameof(NoResponseAfterSecondRequestEscalatesRule), Because(policy, timeline, asOf))));
    }

    private static string Because(Policy policy, CaseTimeline t, AsOf asOf) =>
        $"no response {asOf.Date.DayNumber - t.SecondRequestSentOn!.Value.DayNumber} days after the second request of {t.SecondRequestSentOn:yyyy-MM-dd} (policy allows {policy.Escalation.NoResponseAfterSecondRequestDays})";
}
