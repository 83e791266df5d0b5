using NRules.Fluent.Dsl;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step3Respond;

/// <summary>Seed: "non-responding suppliers face discontinuation". A recommendation; a person decides.</summary>
[Name("Escalated and unresolved: recommend termination")]
[Tag("Step3"), Tag("Timing")]
[Priority(RuleSteps.DecisionPriority)]
public sealed class UnresolvedEscalationRecommendsTerminationRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        AsOf asOf = default!;
        CaseTimeline timeline = default!;

        When()
            .Match(() => policy)
            .Match(() => asOf)
            .Match(() => timeline, t => t.EscalationUnresolved,
                t => asOf.Date >= t.EscalatedOn!.Value.AddDays(policy.Escalation.TerminationAfterEscalationDays));
        Then()
            .Do(ctx => ctx.Insert(RuleOutput.Decide(policy, DecisionKinds.RecommendTermination,
                nameof(UnresolvedEscalationRecommendsTerminationRule), Because(policy, timeline, asOf))));
    }

    private static string Because(Policy policy, CaseTimeline t, AsOf asOf) =>
        $"escalated on {t.EscalatedOn:yyyy-MM-dd} and still unresolved after {asOf.Date.DayNumber - t.EscalatedOn!.Value.DayNumber} days (policy allows {policy.Escalation.TerminationAfterEscalationDays})";
}
