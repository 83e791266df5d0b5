using NRules;
using NRules.Fluent;

namespace Workflow.Rules.Assessment;

/// <summary>
/// The policy rules compiled into a Rete network. Compiling takes hundreds of milliseconds, so the host keeps one
/// (a singleton) and every evaluation opens a fresh, cheap session from it. Thread-safe.
/// </summary>
public sealed class PolicyRuleSet
{
    private static readonly Lazy<PolicyRuleSet> Shared = new(() => new PolicyRuleSet(_ => true));

    /// <param name="filter">Which rule types to load (tests load one rule at a time).</param>
    public PolicyRuleSet(Func<Type, bool> filter)
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(PolicyRuleSet).Assembly).Where(r => filter(r.RuleType)));
        RuleNames = repository.GetRules().Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        SessionFactory = repository.Compile();
    }

    /// <summary>Every rule in this assembly, compiled once per process.</summary>
    public static PolicyRuleSet All => Shared.Value;

    public static PolicyRuleSet Only(params Type[] ruleTypes) => new(ruleTypes.Contains);

    public ISessionFactory SessionFactory { get; }
    public IReadOnlyList<string> RuleNames { get; }
}
