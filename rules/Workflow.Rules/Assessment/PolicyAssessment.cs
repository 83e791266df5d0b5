using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Facts;

namespace Workflow.Rules.Assessment;

/// <summary>An evaluation with the reasons behind its program strength and determination, for reports and simulation.</summary>
public sealed record PolicyAssessment(
    DeclarationEvaluation Evaluation,
    ProgramStrength? ProgramStrength,
    Determination? Determination,
    IReadOnlyList<MetalOrigin> MetalOrigins);
