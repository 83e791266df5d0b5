using Workflow.Application.Queries;
using Workflow.Cmrt.Model;

namespace Workflow.Application.Declared;

/// <summary>What the evaluation concluded about one assessed smelter: the reference list's status and any red flag.</summary>
public sealed record AssessedSmelter(string Metal, string? Name, string? Country, string? Cid, string Status, bool RedFlag);

/// <summary>
/// One submission as the case page shows it: what the supplier declared (null when it is no longer stored, with
/// <see cref="Absence"/> saying why) and its current evaluation (the latest re-evaluation, else the one it arrived with).
/// </summary>
public sealed record DeclaredSubmission(
    Guid SubmissionId,
    DateTimeOffset ReceivedAt,
    string FileName,
    string Outcome,
    CmrtDeclaration? Declaration,
    string? Absence,
    SubmissionEvaluation Evaluation,
    IReadOnlyList<AssessedSmelter> Smelters,
    DateTimeOffset? ReevaluatedAt);
