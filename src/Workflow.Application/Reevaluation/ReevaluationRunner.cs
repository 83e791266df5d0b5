using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Workflow.Application.Cases;
using Workflow.Application.Evaluation;
using Workflow.Application.Reference;
using Workflow.Application.Submissions;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Reference;
using Workflow.Domain.Cases;
using Workflow.StateMachines;

namespace Workflow.Application.Reevaluation;

/// <summary>
/// The body of an applied re-evaluation (the background job): the campaign's current submissions in batches, each
/// batch one transaction that stores the new evaluations beside the old ones, moves the cases whose outcome now
/// demands it through the one transition path (audited with the cause "re-evaluation", e-mails only when the run asked
/// for them), and advances the run's progress. Safe to retry: what a run already re-evaluated is skipped.
/// </summary>
public sealed class ReevaluationRunner(NpgsqlDataSource db, ReferenceListStore references, IAssessorFactory assessors,
    CaseTransitions transitions, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Submissions per transaction: large enough that statements, not round trips, dominate.</summary>
    public int BatchSize { get; init; } = 500;

    public async Task RunAsync(Guid runId, CancellationToken ct)
    {
        if (await StartAsync(runId, ct) is not { } run) return;
        try
        {
            var list = run.ReferenceListVersion == SmelterReferenceList.Empty.Version
                ? SmelterReferenceList.Empty
                : await references.FindAsync(run.ReferenceListVersion, ct)
                  ?? throw new InvalidOperationException($"Reference list '{run.ReferenceListVersion}' is no longer stored.");
            var reevaluator = new Reevaluator(assessors.Create(list, run.PolicyVersion), list, run.AsOf);
            for (var after = Guid.Empty; ;)
            {
                var next = await BatchAsync(run, reevaluator, after, ct);
                if (next is not { } last) break;
                after = last;
            }
            await FinishAsync(runId, ReevaluationStatus.Done, null, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FinishAsync(runId, ReevaluationStatus.Failed, new ReevaluationRunError(null, null, e.Message), CancellationToken.None);
            throw;
        }
    }

    /// <summary>One batch in one transaction; the last case id handled, or null when nothing was left.</summary>
    private async Task<Guid?> BatchAsync(RunSettings run, Reevaluator reevaluator, Guid after, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var page = await CurrentSubmission.PageAsync(conn, tx, run.CampaignId, after, BatchSize, run.Id, ct);
        if (page.Count == 0) return null;

        var evaluated = new List<Reevaluated>(page.Count);
        var errors = new List<ReevaluationRunError>();
        foreach (var (s, result, error) in reevaluator.EvaluateAll(page))
        {
            if (result is not null) evaluated.Add(result);
            else if (error is not null)
                errors.Add(new ReevaluationRunError(s.CaseId, s.CaseReference, $"submission {s.SubmissionId} could not be re-evaluated: {error}"));
        }
        var now = clock.GetUtcNow();
        await SubmissionDeclarations.InsertAsync(conn, tx,
            evaluated.Where(r => r.DeclarationToStore is not null).Select(r => (r.Submission.SubmissionId, r.Submission.CaseId, r.DeclarationToStore!)).ToList(), now, ct);
        // Stored before the moves, so the e-mails a move writes (when asked) quote the new findings.
        await RecordAsync(conn, tx, run, evaluated, now, ct);

        var changed = evaluated.Where(r => r.Change is { OutcomeChanged: true }).ToList();
        var requests = new List<TransitionRequest>();
        foreach (var r in changed)
        {
            if (r.Change!.CaseEffect == ReevaluationEffects.Moves)
                requests.Add(new TransitionRequest(r.Submission.CaseId, CaseIntention.Submit(Reevaluator.MachineOutcome(r.Change.OutcomeAfter)),
                    CauseFor(run, r), SendsMessages: run.Notify));
            else if (r.Change.CaseEffect == ReevaluationEffects.Terminated)
                errors.Add(new ReevaluationRunError(r.Submission.CaseId, r.Submission.CaseReference,
                    $"outcome {r.Change.OutcomeBefore} → {r.Change.OutcomeAfter} recorded; the case is terminated and was not moved"));
        }
        var results = requests.Count == 0 ? [] : await transitions.ApplyAsync(conn, tx, requests, null, ct);
        var moved = 0;
        foreach (var result in results)
        {
            if (result.Applied) { moved++; continue; }
            var s = changed.First(c => c.Submission.CaseId == result.Request.CaseId).Submission;
            errors.Add(new ReevaluationRunError(s.CaseId, s.CaseReference, result.Status == TransitionStatus.Conflict
                ? "the new evaluation is recorded; the case changed meanwhile and was not moved"
                : $"the new evaluation is recorded; the case was not moved: {result.Error?.Message}"));
        }
        await MarkLastOutcomeAsync(conn, tx, changed, ct);
        var notMoved = changed.Count(r => r.Change!.CaseEffect != ReevaluationEffects.Stays) - moved;
        await ProgressAsync(conn, tx, run.Id, page.Count, changed.Count, moved, notMoved, errors, ct);
        await tx.CommitAsync(ct);
        await transitions.NotifyAsync(results, ct);
        return page[^1].CaseId;
    }

    private static TransitionCause CauseFor(RunSettings run, Reevaluated r)
    {
        var e = r.Evaluation;
        var first = e.Findings.FirstOrDefault(f => f.Severity == (e.Outcome == Outcome.RedFlag ? FindingSeverity.RedFlag : FindingSeverity.Error));
        var why = r.Change!.Reasons.FirstOrDefault(x => !x.StartsWith("outcome ", StringComparison.Ordinal));
        return new TransitionCause(run.RequestedBy,
            $"re-evaluation {run.Id} (policy {run.PolicyVersion}, reference list {run.ReferenceListVersion}): outcome {r.Change.OutcomeBefore} → {r.Change.OutcomeAfter}" +
            (why is null ? "" : $"; {why}"),
            first?.Rule, first?.PolicyVersion ?? run.PolicyVersion);
    }

    private static async Task RecordAsync(NpgsqlConnection conn, NpgsqlTransaction tx, RunSettings run, List<Reevaluated> evaluated,
        DateTimeOffset now, CancellationToken ct)
    {
        if (evaluated.Count == 0) return;
        await using var copy = await conn.BeginBinaryImportAsync("""
            copy workflow.reevaluations (run_id, submission_id, case_id, campaign_id, at, actor, cause, policy_version,
                reference_list_version, outcome_before, outcome_after, reasons, evaluation) from stdin (format binary)
            """, ct);
        foreach (var r in evaluated)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(run.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.Submission.SubmissionId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.Submission.CaseId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(run.CampaignId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(run.RequestedBy, NpgsqlDbType.Text, ct);
            await copy.WriteAsync($"re-evaluation: {run.Reason}", NpgsqlDbType.Text, ct);
            await copy.WriteAsync(run.PolicyVersion, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(run.ReferenceListVersion, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Submission.Outcome, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Evaluation.Outcome.ToWire(), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(JsonSerializer.Serialize(r.Change?.Reasons ?? [], Json), NpgsqlDbType.Jsonb, ct);
            await copy.WriteAsync(r.EvaluationJson, NpgsqlDbType.Jsonb, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task MarkLastOutcomeAsync(NpgsqlConnection conn, NpgsqlTransaction tx, List<Reevaluated> changed, CancellationToken ct)
    {
        if (changed.Count == 0) return;
        await using var cmd = new NpgsqlCommand("""
            update workflow.cases c set last_outcome = u.outcome from unnest(@case, @outcome) as u(id, outcome) where c.id = u.id
            """, conn, tx);
        cmd.Parameters.AddWithValue("case", changed.Select(r => r.Submission.CaseId).ToArray());
        cmd.Parameters.AddWithValue("outcome", changed.Select(r => r.Change!.OutcomeAfter).ToArray());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task ProgressAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid runId, int done, int changed, int moved, int notMoved,
        List<ReevaluationRunError> errors, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            update workflow.reevaluation_runs
               set done = done + @done, changed = changed + @changed, moved = moved + @moved, not_moved = not_moved + @notMoved,
                   errors = errors || @errors
             where id = @id
            """, conn, tx);
        cmd.Parameters.AddWithValue("id", runId);
        cmd.Parameters.AddWithValue("done", done);
        cmd.Parameters.AddWithValue("changed", changed);
        cmd.Parameters.AddWithValue("moved", moved);
        cmd.Parameters.AddWithValue("notMoved", notMoved);
        cmd.Parameters.AddWithValue("errors", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(errors, Json));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<RunSettings?> StartAsync(Guid runId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            update workflow.reevaluation_runs set status = @running, started_at = coalesce(started_at, @now), finished_at = null
             where id = @id and status <> @done
            returning campaign_id, requested_by, reason, policy_version, reference_list_version, as_of, notify
            """);
        cmd.Parameters.AddWithValue("id", runId);
        cmd.Parameters.AddWithValue("running", ReevaluationStatus.Running);
        cmd.Parameters.AddWithValue("done", ReevaluationStatus.Done);
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new RunSettings(runId, r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
            r.GetFieldValue<DateOnly>(5), r.GetBoolean(6));
    }

    private async Task FinishAsync(Guid runId, string status, ReevaluationRunError? error, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            update workflow.reevaluation_runs
               set status = @status, finished_at = @now, total = greatest(total, done),
                   errors = case when @error::jsonb is null then errors else errors || jsonb_build_array(@error::jsonb) end
             where id = @id
            """);
        cmd.Parameters.AddWithValue("id", runId);
        cmd.Parameters.AddWithValue("status", status);
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        cmd.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Jsonb) { Value = error is null ? DBNull.Value : JsonSerializer.Serialize(error, Json) });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private sealed record RunSettings(Guid Id, Guid CampaignId, string RequestedBy, string Reason, string PolicyVersion,
        string ReferenceListVersion, DateOnly AsOf, bool Notify);
}
