namespace Workflow.Rules;

/// <summary>
/// What the rule catalogue on the rules page says about a rule: its OECD step, what it checks and what it does, in
/// words for a compliance owner, and the policy keys it reads. Kept on the rule class itself so the catalogue cannot
/// drift from the rules; a test fails for a rule without it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CatalogueAttribute(int step, string checks, string effect) : Attribute
{
    /// <summary>OECD step, 1–5 (<see cref="RuleSteps"/>).</summary>
    public int Step { get; } = step;

    /// <summary>What the rule looks at, in plain words.</summary>
    public string Checks { get; } = checks;

    /// <summary>What it produces when it fires.</summary>
    public string Effect { get; } = effect;

    /// <summary>Policy key paths it reads (<c>cahraCountries</c>, <c>redFlags.smelterInCahra</c>); empty when the policy does not change it.</summary>
    public string[] Reads { get; init; } = [];

    /// <summary>The red flag whose effect (escalate / warn / ignore) the policy chooses, when the rule raises one.</summary>
    public string? Flag { get; init; }
}
