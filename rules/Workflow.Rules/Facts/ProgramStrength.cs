namespace Workflow.Rules.Facts;

/// <summary>Step 1 result: "strong" or "weak", with the rule that decided and why.</summary>
public sealed record ProgramStrength(string Strength, string Rule, string Because);
