using NRules.Fluent.Dsl;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step2IdentifyRisk;

/// <summary>
/// Seed criterion (ii): audit status. Only judged when the reference list carries a status; a list without statuses
/// (the template's own look-up sheet) says nothing about audits, and Step 4 records "unknown" instead.
/// </summary>
[Name("Smelter's audit status is not acceptable")]
[Tag("Step2"), Tag("SmelterRedFlag")]
[Priority(RuleSteps.FlagPriority)]
[Catalogue(2, "The reference list gives the smelter an audit status the policy does not accept.", "Flag on the smelter row", Reads = ["acceptableAuditStatuses", "redFlags.smelterAuditStatusNotAcceptable"], Flag = RedFlags.SmelterAuditStatusNotAcceptable)]
public sealed class UnacceptableAuditStatusSmelterRaisesFlagRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        SmelterFact smelter = default!;

        When()
            .Match(() => policy, p => p.Raises(RedFlags.SmelterAuditStatusNotAcceptable))
            .Match(() => smelter, s => s.HasReferenceStatus, s => !policy.IsAcceptable(s.ReferenceStatus));
        Then()
            .Do(ctx => ctx.Insert(Flag(policy, smelter)));
    }

    private static Finding Flag(Policy policy, SmelterFact s) => RuleOutput.Flag(policy,
        RedFlags.SmelterAuditStatusNotAcceptable, nameof(UnacceptableAuditStatusSmelterRaisesFlagRule),
        RuleSteps.IdentifyRisk, s.Location,
        $"{s.MetalName} smelter {s.Label} is '{s.ReferenceStatus}' on the smelter reference list, not conformant or active.",
        $"{s.MetalName} smelter {s.Label} has audit status '{s.ReferenceStatus}', not one the policy accepts",
        s.Cid);
}
