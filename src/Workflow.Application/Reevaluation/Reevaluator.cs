using System.Text.Json;
using Workflow.Application.Evaluation;
using Workflow.Application.Submissions;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Reference;
using Workflow.Domain.Cases;
using Workflow.Rules.Simulation;

namespace Workflow.Application.Reevaluation;

/// <summary>A current submission evaluated again: the new evaluation (and its stored form, without the declaration),
/// what differs from the one on record, and a declaration to store when it had to be read from the file.</summary>
public sealed record Reevaluated(CurrentSubmission Submission, DeclarationEvaluation Evaluation, string EvaluationJson, ReevaluationChange? Change,
    byte[]? DeclarationToStore);

/// <summary>
/// Evaluates stored declarations again with one reference list, one policy and one as-of date: the checker and the
/// policy as for an upload, without reading the workbook. Pure apart from reading a file once for an older submission,
/// and safe to call from several threads (the policy opens a session per evaluation).
/// </summary>
public sealed class Reevaluator(IDeclarationAssessor assessor, SmelterReferenceList list, DateOnly asOf)
{
    /// <summary>Null when the submission has no declaration to evaluate (its file was unreadable).</summary>
    public Reevaluated? Evaluate(CurrentSubmission s)
    {
        var (declaration, toStore) = s.ReadDeclaration(list);
        if (declaration is null) return null;
        var after = ServiceDeclarationEvaluator.Evaluate(assessor, list, declaration, asOf);
        var before = JsonSerializer.Deserialize<DeclarationEvaluation>(s.EvaluationJson, SubmissionService.EvaluationJson)!;
        var outcomeAfter = after.Outcome.ToWire();
        var diff = PolicySimulator.Compare(s.CaseId.ToString(), before with { Outcome = FromWire(s.Outcome) }, after);
        var change = diff is null ? null : new ReevaluationChange(s.CaseId, s.CaseReference, s.SupplierName, s.CaseState, s.SubmissionId,
            s.Outcome, outcomeAfter, before.Determination, after.Determination, EffectOn(s.CaseState, s.Outcome, outcomeAfter), diff.Reasons);
        return new Reevaluated(s, after, JsonSerializer.Serialize(after with { Declaration = null }, SubmissionService.EvaluationJson), change, toStore);
    }

    /// <summary>
    /// A page of submissions evaluated on every core, in order; null for one without a declaration, an exception's
    /// message for one that failed, so one bad stored declaration does not stop the others.
    /// </summary>
    public IReadOnlyList<(CurrentSubmission Submission, Reevaluated? Result, string? Error)> EvaluateAll(IReadOnlyList<CurrentSubmission> page)
    {
        var results = new (CurrentSubmission, Reevaluated?, string?)[page.Count];
        Parallel.For(0, page.Count, i =>
        {
            try { results[i] = (page[i], Evaluate(page[i]), null); }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
            {
                results[i] = (page[i], null, e.Message);
            }
        });
        return results;
    }

    /// <summary>What the case machine is told about a submission with this wire outcome (unreadable counts as invalid).</summary>
    public static SubmissionOutcome MachineOutcome(string wire) => wire switch
    {
        "accepted" => SubmissionOutcome.Accepted,
        "red-flag" => SubmissionOutcome.RedFlag,
        _ => SubmissionOutcome.Invalid,
    };

    private static string EffectOn(string state, string before, string after) =>
        MachineOutcome(before) == MachineOutcome(after) ? ReevaluationEffects.Stays
        : state == nameof(CaseState.Terminated) ? ReevaluationEffects.Terminated
        : ReevaluationEffects.Moves;

    private static Outcome FromWire(string wire) => wire switch
    {
        "accepted" => Outcome.Accepted,
        "red-flag" => Outcome.RedFlag,
        "invalid" => Outcome.Invalid,
        _ => Outcome.Unreadable,
    };
}
