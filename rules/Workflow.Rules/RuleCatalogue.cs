using System.Reflection;
using NRules.Fluent.Dsl;

namespace Workflow.Rules;

/// <summary>One rule as the catalogue lists it.</summary>
public sealed record RuleCatalogueEntry(string Rule, string Name, int Step, string Checks, string Effect, IReadOnlyList<string> Reads, string? Flag);

/// <summary>
/// The catalogue of every rule in this assembly, read from the rule classes' <see cref="CatalogueAttribute"/> and
/// NRules <see cref="NameAttribute"/>, ordered by OECD step and then name.
/// </summary>
public static class RuleCatalogue
{
    public static IReadOnlyList<Type> RuleTypes { get; } = typeof(RuleCatalogue).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(Rule).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>Rule classes without catalogue metadata (should be none).</summary>
    public static IReadOnlyList<Type> Undocumented => RuleTypes.Where(t => t.GetCustomAttribute<CatalogueAttribute>() is null).ToList();

    public static IReadOnlyList<RuleCatalogueEntry> Entries { get; } = RuleTypes
        .Select(t => (Type: t, Meta: t.GetCustomAttribute<CatalogueAttribute>()))
        .Where(x => x.Meta is not null)
        .Select(x => new RuleCatalogueEntry(x.Type.Name, NameOf(x.Type), x.Meta!.Step,
            x.Meta.Checks, x.Meta.Effect, x.Meta.Reads, x.Meta.Flag))
        .OrderBy(e => e.Step).ThenBy(e => e.Name, StringComparer.Ordinal)
        .ToList();

    // NRules keeps the name it was given to itself; the constructor argument is the name the engine reports.
    private static string NameOf(Type rule) =>
        rule.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(NameAttribute))?.ConstructorArguments[0].Value as string ?? rule.Name;
}
