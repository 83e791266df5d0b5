using System.Collections.Concurrent;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;
using Workflow.Rules.Assessment;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Tests.Support;

/// <summary>
/// Runs one rule (or a few) alone, like NRules' RulesTestFixture: the rule under test is compiled on its own, so a
/// test sees exactly what that rule does and what it does to the outcome.
/// </summary>
public abstract class RuleFixture(params Type[] ruleTypes)
{
    private static readonly ConcurrentDictionary<string, PolicyRuleSet> Compiled = new();
    protected static readonly DateOnly AsOf = new(2026, 3, 31);

    protected PolicyRuleSet Rules { get; } = Compiled.GetOrAdd(
        string.Join(",", ruleTypes.Select(t => t.FullName).Order()), _ => PolicyRuleSet.Only(ruleTypes));

    protected PolicyAssessment Explain(CmrtDeclaration declaration, Policy? policy = null,
        IReadOnlyList<Finding>? checkerFindings = null, SmelterReferenceList? references = null) =>
        new PolicyAssessor(Rules, policy ?? TestPolicies.Default, references ?? References.List)
            .Explain(declaration, checkerFindings ?? [], AsOf);

    protected DeclarationEvaluation Assess(CmrtDeclaration declaration, Policy? policy = null,
        IReadOnlyList<Finding>? checkerFindings = null, SmelterReferenceList? references = null) =>
        Explain(declaration, policy, checkerFindings, references).Evaluation;

    /// <summary>Fires the rule over hand-made facts (for rules that read other rules' results).</summary>
    protected IReadOnlyList<T> FireOver<T>(params object[] facts)
    {
        var session = Rules.SessionFactory.CreateSession();
        session.InsertAll(facts);
        session.Fire();
        return session.Query<T>().ToList();
    }

    protected static Finding CheckerError(string message = "Company name is required", string location = "Declaration!D8") =>
        new("CMRT-REQ-001", FindingSeverity.Error, location, message, "RequiredField");

    protected static Finding CheckerWarning() =>
        new("CMRT-WARN-001", FindingSeverity.Warning, "Declaration!D12", "Contact phone looks odd", "Phone");
}
