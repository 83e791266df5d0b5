using NRules.Fluent.Dsl;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step3Respond;

/// <summary>A correction the supplier did not send in time is escalated like a non-response.</summary>
[Name("Correction overdue: escalate")]
[Tag("Step3"), Tag("Timing")]
[Priority(RuleSteps.DecisionPriority)]
public sealed class OverdueCorrectionEscalatesRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        AsOf asOf = default!;
        CaseTimeline timeline = default!;

        When()
            .Match(() => policy)
            .Match(() => asOf)
            .Match(() => timeline, t => t.AwaitingCorrection, t => t.EscalatedOn == null,
                t => asOf.Date >= t.CorrectionRequestedOn!.Value.AddDays(policy.Escalation.CorrectionDueDays));
        Then()
            .Do(ctx => ctx.Insert(RuleOutput.Decide(policy, DecisionKinds.Escalate,
                nameof(OverdueCorrectionEscalatesRule), Because(policy, timeline, asOf))));
    }

    private static string Because(Policy policy, CaseTimeline t, AsOf asOf) =>
        $"the correction requested on {t.CorrectionRequestedOn:yyyy-MM-dd} is {asOf.Date.DayNumber - t.CorrectionRequestedOn!.Value.DayNumber} days old without a corrected CMRT (policy allows {policy.Escalation.CorrectionDueDays})";
}
