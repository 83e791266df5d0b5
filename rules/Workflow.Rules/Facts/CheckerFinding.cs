using Workflow.Cmrt.Evaluation;

namespace Workflow.Rules.Facts;

/// <summary>
/// A checker finding as a fact. Wrapped so that rules matching policy <see cref="Finding"/>s never see the checker's.
/// </summary>
public sealed class CheckerFinding(Finding finding)
{
    public Finding Finding { get; } = finding;
    public bool IsError => Finding.Severity == FindingSeverity.Error;
}
