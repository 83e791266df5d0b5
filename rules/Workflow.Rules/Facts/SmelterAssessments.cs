using Workflow.Cmrt.Evaluation;

namespace Workflow.Rules.Facts;

/// <summary>
/// Step 4 result: every smelter row's recorded status, in row order. One fact for the whole list, because the same
/// smelter listed twice gives two equal assessments, and the engine treats equal facts as one.
/// </summary>
public sealed class SmelterAssessments(IReadOnlyList<SmelterAssessment> items)
{
    public IReadOnlyList<SmelterAssessment> Items { get; } = items;
}
