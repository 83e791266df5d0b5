using NRules.Fluent.Dsl;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step3Respond;

/// <summary>Seed: "for suppliers not responding to second requests, … escalation … is mandatory".</summary>
[Name("No response after the second request: escalate")]
[Tag("Step3"), Tag("Timing")]
[Priority(RuleSteps.DecisionPriority)]
[Catalogue(3, "The second request went unanswered past its deadline (deadlines from the follow-up definition).", "Decision: escalate to management")]
public sealed class NoResponseAfterSecondRequestEscalatesRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        DecisionTime now = default!;
        CaseTimeline timeline = default!;

        When()
            .Match(() => policy)
            .Match(() => now)
            .Match(() => timeline, t => t.AwaitingResponseToSecondRequest, t => t.EscalatedAt == null,
                t => now.HasPassed(t.SecondRequestDueAt));
        Then()
            .Do(ctx => ctx.Insert(RuleOutput.Decide(policy, DecisionKinds.Escalate,
                nameof(NoResponseAfterSecondRequestEscalatesRule), Because(timeline))));
    }

    private static string Because(CaseTimeline t) =>
        $"no response to the second request of {TimingWords.Date(t.SecondRequestSentAt)} by its deadline {TimingWords.Date(t.SecondRequestDueAt)}";
}
