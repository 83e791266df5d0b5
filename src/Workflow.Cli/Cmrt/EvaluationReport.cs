using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Reading;

namespace Workflow.Cli.Cmrt;

/// <summary>The human-readable report of <c>cmrt check</c> without --json.</summary>
public static class EvaluationReport
{
    public static void Write(TextWriter output, string file, CmrtReadResult read, DeclarationEvaluation evaluation)
    {
        var d = evaluation.Declaration;
        output.WriteLine($"{file}: {evaluation.Outcome.ToWire().ToUpperInvariant()}");
        if (d is not null)
        {
            output.WriteLine($"  {d.Template} {d.Version} · company: {d.Company.Name ?? "(none)"} · scope: {Wire.Scope(d.Scope)}");
            var metals = d.MetalsInScope.Select(m => m.ToString().ToLowerInvariant()).ToList();
            output.WriteLine($"  metals in scope: {(metals.Count == 0 ? "none" : string.Join(", ", metals))} · program strength: {evaluation.ProgramStrength}"
                + $" · determination: {evaluation.Determination ?? "none"}");
        }
        if (evaluation.PolicyVersion is not null)
            output.WriteLine($"  policy {evaluation.PolicyVersion} · reference list {evaluation.ReferenceListVersion ?? "none"}");
        else if (d is { IsEmptyTemplate: true })
            output.WriteLine($"  policy not run (nothing declared) · reference list {evaluation.ReferenceListVersion ?? "none"}");
        else if (d is null && read.Template is not null)
            output.WriteLine($"  {read.Template} {read.Version}");
        foreach (var f in ForReading(evaluation.Findings))
            output.WriteLine($"  {Wire.Severity(f.Severity),-8} {f.Code,-40} {f.Location,-24} {f.Message}"
                + (f.PolicyVersion is null ? "" : $" [{f.Rule}, policy {f.PolicyVersion}]"));
        if (evaluation.Smelters.Count > 0)
        {
            var byStatus = evaluation.Smelters.GroupBy(s => s.Status).Select(g => $"{g.Count()} {g.Key}");
            output.WriteLine($"  smelters: {evaluation.Smelters.Count} ({string.Join(", ", byStatus)})");
        }
        output.WriteLine();
    }

    /// <summary>
    /// What a person acts on first comes first: red flags, then errors, then warnings, each in the order found.
    /// A checker rule and a policy rule can report the same thing at the same cell; the reader needs it once.
    /// (The JSON output keeps every finding in its original order for scripts.)
    /// </summary>
    internal static IEnumerable<Finding> ForReading(IEnumerable<Finding> findings) =>
        findings
            .DistinctBy(f => (f.Code, f.Location, f.Message))
            .OrderBy(f => f.Severity switch { FindingSeverity.RedFlag => 0, FindingSeverity.Error => 1, _ => 2 });
}
