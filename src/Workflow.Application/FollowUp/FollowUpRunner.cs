using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Workflow.Domain.Cases;
using Workflow.Application.Cases;
using Workflow.Rules.Assessment;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;
using Workflow.StateMachines;

namespace Workflow.Application.FollowUp;

/// <summary>
/// Fires follow-up timers through <see cref="CaseTransitions"/> (the machine's <see cref="CaseIntention.TimerElapsed"/>):
/// one case with the version its timer was set for, or a batch of due cases claimed with <c>for update skip locked</c>, so
/// that any number of jobs and instances split the due cases between them and none is fired twice.
/// Reminders and second requests follow from the clock alone. Whether a passed deadline escalates the case or recommends
/// termination is the campaign's policy's decision (the Step 3 timing rules), so the audit entry names that rule and
/// policy version, as it does for a red flag.
/// </summary>
public sealed class FollowUpRunner(NpgsqlDataSource db, CaseTransitions transitions, CaseMachine machine, FollowUpClock followUp, TimeProvider clock,
    IPolicySource policies, PolicyRuleSet rules, CaseTimelineReader timelines, IOptions<FollowUpOptions> options, ILogger<FollowUpRunner> logger)
{
    public const string Actor = "system:follow-up";

    private readonly string[] _waitingStages = machine.WaitingStages.Select(d => d.Stage.Name).ToArray();

    private FollowUpDefinition Definition => followUp.Definition;

    public async Task<TimerOutcome> FireIfDueAsync(Guid caseId, int expectedVersion, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select c.stage, c.version, c.due_at, k.policy_version
              from workflow.cases c join workflow.campaigns k on k.id = c.campaign_id
             where c.id = @id
            """);
        cmd.Parameters.AddWithValue("id", caseId);
        DueCase due;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct)) return TimerOutcome.NothingDue;
            due = new DueCase(caseId, new CaseStage(r.GetString(0)), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetFieldValue<DateTimeOffset>(2), r.GetString(3));
        }
        if (due.Version != expectedVersion) return TimerOutcome.Stale;
        if (due.DueAt is not { } dueAt || !machine.Declares(due.Stage) || !machine.Waits(due.Stage)) return TimerOutcome.NothingDue;
        if (dueAt > clock.GetUtcNow()) return TimerOutcome.NotYetDue(dueAt);

        try
        {
            await transitions.FireAsync(caseId, CaseIntention.TimerElapsed, await CauseAsync(due, ct), expectedVersion, ct: ct);
            return TimerOutcome.Fired;
        }
        catch (ConcurrencyConflictException)
        {
            logger.LogDebug("Case {Case} moved on while its {Stage} timer fired; nothing to do", caseId, due.Stage);
            return TimerOutcome.Stale;
        }
    }

    /// <summary>
    /// Fires every timer that is due now: <see cref="FollowUpOptions.SweepParallelism"/> workers, each claiming batches of
    /// <see cref="FollowUpOptions.TimerBatchSize"/> until none is left. A batch that fails is left for the next run.
    /// </summary>
    public async Task<int> FireAllDueAsync(CancellationToken ct)
    {
        var fired = 0;
        var workers = Enumerable.Range(0, Math.Max(1, options.Value.SweepParallelism)).Select(_ => Task.Run(async () =>
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    var (claimed, done) = await FireDueBatchAsync(Math.Max(1, options.Value.TimerBatchSize), ct);
                    Interlocked.Add(ref fired, done);
                    // Nothing left, or only cases the machine refused: those wait for a person, not for another loop.
                    if (claimed == 0 || done == 0) break;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "A batch of follow-up timers failed; the next run retries it");
                    break;
                }
            }
        }, ct));
        await Task.WhenAll(workers);
        return fired;
    }

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due cases that no one else holds and fires their timers as one batch,
    /// in one transaction. Returns how many it claimed and how many it fired (fewer when some were refused).
    /// </summary>
    public async Task<(int Claimed, int Fired)> FireDueBatchAsync(int batchSize, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var claimed = new List<DueCase>(batchSize);
        await using (var claim = new NpgsqlCommand("""
            select c.id, c.stage, c.version, c.due_at, k.policy_version
              from workflow.cases c join workflow.campaigns k on k.id = c.campaign_id
             where c.due_at <= @now and c.stage = any(@stages)
             order by c.due_at
             limit @batch
               for update of c skip locked
            """, conn, tx))
        {
            claim.Parameters.AddWithValue("now", clock.GetUtcNow());
            claim.Parameters.AddWithValue("stages", _waitingStages);
            claim.Parameters.AddWithValue("batch", batchSize);
            await using var r = await claim.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                claimed.Add(new DueCase(r.GetGuid(0), new CaseStage(r.GetString(1)), r.GetInt32(2), r.GetFieldValue<DateTimeOffset>(3), r.GetString(4)));
        }
        if (claimed.Count == 0) return (0, 0);

        var requests = new List<TransitionRequest>(claimed.Count);
        foreach (var c in claimed)
            requests.Add(new TransitionRequest(c.Id, CaseIntention.TimerElapsed, await CauseAsync(c, ct), c.Version));
        var results = await transitions.ApplyAsync(conn, tx, requests, null, ct);
        await tx.CommitAsync(ct);
        await transitions.NotifyAsync(results, ct);

        foreach (var refused in results.Where(r => r.Status == TransitionStatus.Refused))
            logger.LogError(refused.Error, "Follow-up timer of case {Case} was refused by the machine", refused.Request.CaseId);
        return (claimed.Count, results.Count(r => r.Applied));
    }

    /// <summary>
    /// Why the timer fires, for the audit trail. Deadlines the machine hands to the policy go through its timing rules;
    /// reminders name the follow-up definition. Should the policy be unavailable or not decide, the deadline still
    /// counts (a supplier must never escape follow-up through a configuration gap), and the entry says so.
    /// </summary>
    private async Task<TransitionCause> CauseAsync(DueCase c, CancellationToken ct)
    {
        var timer = machine[c.Stage].Timer!;
        var reason = followUp.ReasonFor(c.Stage);
        var byClock = new TransitionCause(Actor, reason, $"follow-up:{c.Stage}", $"follow-up {Definition.Version}");
        var expected = timer.Deadline switch
        {
            PolicyDeadline.Escalation => DecisionKinds.Escalate,
            PolicyDeadline.TerminationRecommendation => DecisionKinds.RecommendTermination,
            _ => null,
        };
        if (expected is null) return byClock;

        var policyVersion = c.PolicyVersion;
        var stage = c.Stage;
        var caseId = c.Id;
        if (policies.Get(policyVersion) is not { } policy)
        {
            logger.LogWarning("Case {Case}: policy {Policy} is not active; its {Stage} deadline fires by the follow-up clock alone", caseId, policyVersion, stage);
            return byClock with { Reason = $"{reason} (policy {policyVersion} not active; decided by the follow-up clock)" };
        }
        var timeline = await timelines.ReadAsync(caseId, machine.StateOf(stage), timer.Deadline, c.DueAt, ct);
        var decision = PolicyAssessor.Decide(rules, policy, timeline, clock.GetUtcNow()).FirstOrDefault(d => d.Kind == expected);
        if (decision is null)
        {
            logger.LogWarning("Case {Case}: policy {Policy} did not decide {Kind} at the {Stage} deadline; firing by the follow-up clock", caseId, policyVersion, expected, stage);
            return byClock;
        }
        return new TransitionCause(Actor, $"{decision.Because} (follow-up {Definition.Version})", decision.Rule, decision.PolicyVersion);
    }

    private sealed record DueCase(Guid Id, CaseStage Stage, int Version, DateTimeOffset? DueAt, string PolicyVersion);
}
