using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Evaluation;

/// <summary>
/// The single evaluation result the CLI, the upload endpoint and the simulation all use.
/// </summary>
public sealed record DeclarationEvaluation
{
    public required Outcome Outcome { get; init; }
    /// <summary>Null when the file was unreadable.</summary>
    public CmrtDeclaration? Declaration { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public IReadOnlyList<SmelterAssessment> Smelters { get; init; } = [];
    /// <summary>strong | weak | not-applicable</summary>
    public string ProgramStrength { get; init; } = "not-applicable";
    /// <summary>
    /// Step 5 determination: no-3tg | not-from-covered-countries | recycled-or-scrap |
    /// covered-countries-conformant | undetermined; null when unreadable or invalid.
    /// </summary>
    public string? Determination { get; init; }
    /// <summary>Step 3 decisions the workflow acts on (e.g. request-correction, request-product-level-cmrt, escalate).</summary>
    public IReadOnlyList<Decision> Decisions { get; init; } = [];
    public string? PolicyVersion { get; init; }
    /// <summary>SHA-256 of the policy's resolved form, so a version name can never hide a change of content.</summary>
    public string? PolicySha256 { get; init; }
    public string? ReferenceListVersion { get; init; }
}

/// <summary>A Step 3 decision with the rule that made it and why.</summary>
public sealed record Decision(string Kind, string Rule, string Because)
{
    public string? PolicyVersion { get; init; }
}
