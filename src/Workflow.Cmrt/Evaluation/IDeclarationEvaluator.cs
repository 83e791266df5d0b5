namespace Workflow.Cmrt.Evaluation;

/// <summary>
/// Reads, checks and assesses one submitted workbook. The service's upload path, the e-mail intake, the CLI's
/// <c>cmrt check</c> and the policy simulation all go through an implementation of this, so they cannot disagree.
/// </summary>
public interface IDeclarationEvaluator
{
    DeclarationEvaluation Evaluate(Stream workbook, DateOnly asOf);
}
