using NRules;
using NRules.Fluent;

namespace Workflow.Rules.Assessment;

/// <summary>
/// The policy rules compiled into a Rete network. Compiling takes hundreds of milliseconds, so a process compiles the
/// set once (the service registers it as a singleton; the CLI and the benchmarks call <see cref="Compile"/> once) and
/// every evaluation opens a fresh, cheap session from it. Thread-safe.
/// </summary>
public sealed class PolicyRuleSet
{
    /// <param name="filter">Which rule types to load (tests load one rule at a time).</param>
    public PolicyRuleSet(Func<Type, bool> filter)
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(PolicyRuleSet).Assembly).Where(r => filter(r.RuleType)));
        RuleNames = repository.GetRules().Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        SessionFactory = repository.Compile();
    }

    /// <summary>Compiles every rule in this assembly. Call it once and share the result.</summary>
    public static PolicyRuleSet Compile() => new(_ => true);

    public static PolicyRuleSet Only(params Type[] ruleTypes) => new(ruleTypes.Contains);

    public ISessionFactory SessionFactory { get; }
    public IReadOnlyList<string> RuleNames { get; }
}
