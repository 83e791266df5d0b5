using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Reference;
using Workflow.Rules.Assessment;
using Workflow.Rules.Policies;

namespace Workflow.Tests.Shared;

/// <summary>
/// Evaluations as the service and <c>cmrt check</c> make them: read, check, then the NRules rules with the built-in
/// <c>default</c> policy. The rule set is compiled once per test run, as a process compiles it once.
/// </summary>
public static class DefaultPolicy
{
    private static readonly Lazy<PolicyRuleSet> Compiled = new(PolicyRuleSet.Compile);

    public static PolicyRuleSet Rules => Compiled.Value;

    public static PolicyAssessor Assessor(SmelterReferenceList referenceList) => new(Rules, PolicyLoader.Default, referenceList);

    /// <summary>An evaluator over <paramref name="options"/>' reference list (the empty one by default).</summary>
    public static CmrtEvaluator Evaluator(CmrtReaderOptions? options = null)
    {
        options ??= CmrtReaderOptions.Default;
        return new CmrtEvaluator(options, Assessor(options.ReferenceList));
    }
}
