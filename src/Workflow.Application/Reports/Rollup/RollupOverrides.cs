using System.Text.RegularExpressions;
using Workflow.Cmrt.Model;
using Workflow.Application.Reports;

namespace Workflow.Application.Reports.Rollup;

/// <summary>
/// The compliance owner's answers that replace derived ones in the roll-up CMRT. <see cref="Answers"/> keys are
/// "Tin.Q3" (metal question 1–8) or "A"…"H" (company questions); <see cref="Comments"/> keys are "A"…"H" (B's holds
/// the policy URL).
/// </summary>
public sealed partial record RollupOverrides
{
    public string? Scope { get; init; }
    public string? ScopeDescription { get; init; }
    public Dictionary<string, string> Answers { get; init; } = [];
    public Dictionary<string, string> Comments { get; init; } = [];

    public static RollupOverrides None { get; } = new();

    /// <summary>Problems per key, for a 400 that names every one.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Scope is not null && !RollupAnswers.Scopes.Contains(Scope))
            errors["scope"] = [$"Use one of: {string.Join(" | ", RollupAnswers.Scopes)}."];
        foreach (var (key, value) in Answers ?? [])
        {
            var allowed = Key(key) switch
            {
                (null, int company) => RollupAnswers.ForCompanyQuestion(company),
                (not null, int question) => RollupAnswers.ForMetalQuestion(question),
                _ => null,
            };
            if (allowed is null) errors[$"answers.{key}"] = ["Use a metal question such as \"Tin.Q3\" (Q1–Q8) or a company question \"A\"–\"H\"."];
            else if (!allowed.Contains(value)) errors[$"answers.{key}"] = [$"'{value}' is not a template answer; use one of: {string.Join(" | ", allowed)}."];
        }
        foreach (var key in (Comments ?? []).Keys.Where(k => Key(k) is not (null, not null)))
            errors[$"comments.{key}"] = ["Comments go beside company questions \"A\"–\"H\" (B's holds the policy URL)."];
        return errors;
    }

    /// <summary>"Tin.Q3" → (Tin, 3); "B" → (null, 1); anything else → (null, null).</summary>
    public static (Metal? Metal, int? Index) Key(string key)
    {
        var m = KeyPattern().Match(key.Trim());
        if (!m.Success) return (null, null);
        if (m.Groups["letter"].Success) return (null, char.ToUpperInvariant(m.Groups["letter"].Value[0]) - 'A');
        var metal = MetalNames.TryParse(m.Groups["metal"].Value);
        return metal is null ? (null, null) : (metal, int.Parse(m.Groups["q"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^(?:(?<letter>[A-Ha-h])|(?<metal>[A-Za-z]+)\.[Qq](?<q>[1-8]))$")]
    private static partial Regex KeyPattern();
}
