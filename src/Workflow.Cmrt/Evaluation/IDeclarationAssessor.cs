using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Evaluation;

/// <summary>
/// The risk half of an evaluation: takes a declaration that was read and checked, adds red flags, decisions,
/// smelter assessments, program strength and determination. The NRules policy (rules/, <c>PolicyAssessor</c>)
/// implements it; this library keeps no second set of risk rules.
/// </summary>
public interface IDeclarationAssessor
{
    DeclarationEvaluation Assess(CmrtDeclaration declaration, IReadOnlyList<Finding> checkerFindings, DateOnly asOf);
}
