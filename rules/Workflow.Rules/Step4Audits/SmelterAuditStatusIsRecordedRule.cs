using NRules.Fluent.Dsl;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Facts;

namespace Workflow.Rules.Step4Audits;

/// <summary>
/// Step 4: we do not audit smelters; we record each one's RMAP status from the reference list. One firing for the
/// whole list (not one per row) keeps large smelter lists cheap; it runs last so every smelter red flag is known.
/// </summary>
[Name("Smelter audit status recorded")]
[Tag("Step4")]
[Priority(RuleSteps.SummaryPriority)]
[Catalogue(4, "Each listed smelter's audit status on the reference list (conformant, active, not audited, unknown, not listed, not yet identified).", "Smelter assessment per row, marking red-flag smelters (for the report)")]
public sealed class SmelterAuditStatusIsRecordedRule : Rule
{
    public override void Define()
    {
        SmelterList smelters = default!;
        IEnumerable<Finding> redFlags = default!;

        When()
            .Match(() => smelters, l => l.All.Count > 0)
            .Query(() => redFlags, q => q.Match<Finding>(f => RuleOutput.IsEscalatingSmelterFinding(f)).Collect());
        Then()
            .Do(ctx => ctx.Insert(Assess(smelters, redFlags)));
    }

    private static SmelterAssessments Assess(SmelterList smelters, IEnumerable<Finding> redFlags)
    {
        var flaggedRows = redFlags.Select(f => f.Location).ToHashSet(StringComparer.Ordinal);
        return new SmelterAssessments(smelters.All
            .Select(s => new SmelterAssessment(s.MetalName, s.Name, s.Country, s.Cid, s.AuditStatus, flaggedRows.Contains(s.Location)))
            .ToList());
    }
}
