using NRules.Fluent.Dsl;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step3Respond;

/// <summary>A correction the supplier did not send in time is escalated like a non-response.</summary>
[Name("Correction overdue: escalate")]
[Tag("Step3"), Tag("Timing")]
[Priority(RuleSteps.DecisionPriority)]
[Catalogue(3, "A requested correction did not arrive before its window ended.", "Decision: escalate to management")]
public sealed class OverdueCorrectionEscalatesRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        DecisionTime now = default!;
        CaseTimeline timeline = default!;

        When()
            .Match(() => policy)
            .Match(() => now)
            .Match(() => timeline, t => t.AwaitingCorrection, t => t.EscalatedAt == null,
                t => now.HasPassed(t.CorrectionDueAt));
        Then()
            .Do(ctx => ctx.Insert(RuleOutput.Decide(policy, DecisionKinds.Escalate,
                nameof(OverdueCorrectionEscalatesRule), Because(timeline))));
    }

    private static string Because(CaseTimeline t) =>
        $"no corrected CMRT for the correction requested on {TimingWords.Date(t.CorrectionRequestedAt)}; the correction window closed {TimingWords.Date(t.CorrectionDueAt)}";
}
