using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Evaluation;

/// <summary>
/// The risk half of an evaluation: takes a declaration that was read and checked, adds red flags, decisions,
/// smelter assessments, program strength and determination. The NRules policy (rules/) is the real one; the
/// reader library ships a minimal one so it can be used without a policy.
/// </summary>
public interface IDeclarationAssessor
{
    DeclarationEvaluation Assess(CmrtDeclaration declaration, IReadOnlyList<Finding> checkerFindings, DateOnly asOf);
}
