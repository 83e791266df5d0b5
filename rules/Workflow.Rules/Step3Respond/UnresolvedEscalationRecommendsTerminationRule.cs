using NRules.Fluent.Dsl;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step3Respond;

/// <summary>Seed: "non-responding suppliers face discontinuation". A recommendation; a person decides.</summary>
[Name("Escalated and unresolved: recommend termination")]
[Tag("Step3"), Tag("Timing")]
[Priority(RuleSteps.DecisionPriority)]
[Catalogue(3, "An escalation is still open past its deadline.", "Decision: recommend terminating the supplier")]
public sealed class UnresolvedEscalationRecommendsTerminationRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        DecisionTime now = default!;
        CaseTimeline timeline = default!;

        When()
            .Match(() => policy)
            .Match(() => now)
            .Match(() => timeline, t => t.EscalationUnresolved, t => now.HasPassed(t.EscalationDueAt));
        Then()
            .Do(ctx => ctx.Insert(RuleOutput.Decide(policy, DecisionKinds.RecommendTermination,
                nameof(UnresolvedEscalationRecommendsTerminationRule), Because(timeline))));
    }

    private static string Because(CaseTimeline t) =>
        $"escalated on {TimingWords.Date(t.EscalatedAt)} and still unresolved at its deadline {TimingWords.Date(t.EscalationDueAt)}";
}
