using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Assessment;

/// <summary>
/// The NRules policy behind <see cref="IDeclarationAssessor"/>: one fresh session per declaration over the shared
/// compiled rules, with the policy, the as-of date, the declaration's parts and the checker's findings as facts.
/// Thread-safe; immutable (a new policy or reference list means a new assessor).
/// </summary>
public sealed class PolicyAssessor(PolicyRuleSet rules, Policy policy, SmelterReferenceList referenceList) : IDeclarationAssessor
{
    public Policy Policy { get; } = policy;
    public SmelterReferenceList ReferenceList { get; } = referenceList;

    public DeclarationEvaluation Assess(CmrtDeclaration declaration, IReadOnlyList<Finding> checkerFindings, DateOnly asOf) =>
        Explain(declaration, checkerFindings, asOf).Evaluation;

    /// <summary>
    /// The evaluation plus the reasons that do not fit in it: why the program is strong or weak, why the determination,
    /// and each metal's origin.
    /// </summary>
    public PolicyAssessment Explain(CmrtDeclaration declaration, IReadOnlyList<Finding> checkerFindings, DateOnly asOf)
    {
        var session = rules.SessionFactory.CreateSession();
        session.InsertAll(FactBuilder.Build(declaration, checkerFindings, Policy, ReferenceList, asOf));
        session.Fire();

        var results = SessionResults.Collect(session);
        var policyFindings = results.Findings;
        policyFindings.Sort(FindingOrder.Instance);
        var findings = new List<Finding>(checkerFindings.Count + policyFindings.Count);
        findings.AddRange(SupersededSmelterWarnings.Without(checkerFindings, policyFindings));
        findings.AddRange(policyFindings);

        var outcome = OutcomeRules.From(findings);
        var strength = results.ProgramStrength;
        var determination = outcome == Outcome.Invalid ? null : results.Determination;
        var evaluation = new DeclarationEvaluation
        {
            Outcome = outcome,
            Declaration = declaration,
            Findings = findings,
            Smelters = results.Smelters?.Items ?? [],
            ProgramStrength = strength?.Strength ?? "not-applicable",
            Determination = determination?.Kind,
            Decisions = results.Decisions.OrderBy(d => DecisionOrder(d.Kind)).ThenBy(d => d.Rule, StringComparer.Ordinal).ToList(),
            PolicyVersion = Policy.Version,
            PolicySha256 = Policy.Sha256,
            ReferenceListVersion = ReferenceList.Version,
        };
        var origins = results.Origins.OrderBy(o => o.Metal).ToList();
        return new PolicyAssessment(evaluation, strength, determination, origins);
    }

    /// <summary>
    /// The Step 3 timing decisions for a case whose follow-up deadline may have passed (no response after the second
    /// request, correction window closed, escalated and unresolved). Pure: the same timeline and instant always give
    /// the same decisions.
    /// </summary>
    public IReadOnlyList<Decision> Decide(CaseTimeline timeline, DateTimeOffset asOf) => Decide(rules, Policy, timeline, asOf);

    /// <summary>As <see cref="Decide(CaseTimeline, DateTimeOffset)"/>, for callers that have a policy but no reference list.</summary>
    public static IReadOnlyList<Decision> Decide(PolicyRuleSet rules, Policy policy, CaseTimeline timeline, DateTimeOffset asOf)
    {
        var session = rules.SessionFactory.CreateSession();
        session.InsertAll([policy, new DecisionTime(asOf), timeline]);
        session.Fire();
        return session.Query<Decision>().OrderBy(d => DecisionOrder(d.Kind)).ThenBy(d => d.Rule, StringComparer.Ordinal).ToList();
    }

    private static int DecisionOrder(string kind) => kind switch
    {
        DecisionKinds.RequestCorrection => 0,
        DecisionKinds.RequestProductLevelCmrt => 1,
        DecisionKinds.Escalate => 2,
        DecisionKinds.RecommendTermination => 3,
        _ => 4,
    };
}
