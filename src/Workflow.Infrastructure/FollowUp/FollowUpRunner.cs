using Microsoft.Extensions.Logging;
using Npgsql;
using Workflow.Domain.Cases;
using Workflow.Infrastructure.Cases;
using Workflow.Rules.Assessment;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Infrastructure.FollowUp;

/// <summary>
/// Fires a case's follow-up timer when it is due, through <see cref="CaseTransitions"/> with the version the timer was
/// set for: a case that moved on since (answered, decided, or already fired by another instance) is left alone,
/// because the version check lets only one writer through.
/// Reminders and second requests follow from the clock alone. Whether a passed deadline escalates the case or recommends
/// termination is the campaign's policy's decision (the Step 3 timing rules), so the audit entry names that rule and
/// policy version, as it does for a red flag.
/// </summary>
public sealed class FollowUpRunner(NpgsqlDataSource db, CaseTransitions transitions, FollowUpDefinition definition, TimeProvider clock,
    PolicyCatalog policies, PolicyRuleSet rules, CaseTimelineReader timelines, ILogger<FollowUpRunner> logger)
{
    public const string Actor = "system:follow-up";

    public async Task<TimerOutcome> FireIfDueAsync(Guid caseId, int expectedVersion, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select c.stage, c.version, c.due_at, k.policy_version
              from workflow.cases c join workflow.campaigns k on k.id = c.campaign_id
             where c.id = @id
            """);
        cmd.Parameters.AddWithValue("id", caseId);
        CaseStage stage;
        int version;
        DateTimeOffset? dueAt;
        string policyVersion;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct)) return TimerOutcome.NothingDue;
            stage = Enum.Parse<CaseStage>(r.GetString(0));
            version = r.GetInt32(1);
            dueAt = r.IsDBNull(2) ? null : r.GetFieldValue<DateTimeOffset>(2);
            policyVersion = r.GetString(3);
        }
        if (version != expectedVersion) return TimerOutcome.Stale;
        if (dueAt is null || FollowUpTimer.For(stage, definition) is not { } timer) return TimerOutcome.NothingDue;
        if (dueAt > clock.GetUtcNow()) return TimerOutcome.NotYetDue(dueAt.Value);

        try
        {
            var cause = await CauseAsync(caseId, stage, dueAt, policyVersion, timer, ct);
            await transitions.FireAsync(caseId, timer.Trigger, cause, expectedVersion, ct: ct);
            return TimerOutcome.Fired;
        }
        catch (ConcurrencyConflictException)
        {
            logger.LogDebug("Case {Case} moved on while its {Trigger} timer fired; nothing to do", caseId, timer.Trigger);
            return TimerOutcome.Stale;
        }
    }

    /// <summary>
    /// Why the timer fires, for the audit trail. Escalation and termination deadlines go through the policy's timing
    /// rules; reminders name the follow-up definition. Should the policy be unavailable or not decide, the deadline
    /// still counts (a supplier must never escape follow-up through a configuration gap), and the entry says so.
    /// </summary>
    private async Task<TransitionCause> CauseAsync(Guid caseId, CaseStage stage, DateTimeOffset? dueAt, string policyVersion,
        FollowUpTimer timer, CancellationToken ct)
    {
        var byClock = new TransitionCause(Actor, timer.Reason, $"follow-up:{stage}", $"follow-up {definition.Version}");
        var expected = timer.Trigger switch
        {
            CaseTrigger.EscalatedToManagement => DecisionKinds.Escalate,
            CaseTrigger.TerminationRecommended => DecisionKinds.RecommendTermination,
            _ => null,
        };
        if (expected is null) return byClock;

        if (policies.Get(policyVersion) is not { } policy)
        {
            logger.LogWarning("Case {Case}: policy {Policy} is not active; its {Stage} deadline fires by the follow-up clock alone", caseId, policyVersion, stage);
            return byClock with { Reason = $"{timer.Reason} (policy {policyVersion} not active; decided by the follow-up clock)" };
        }
        var timeline = await timelines.ReadAsync(caseId, stage, dueAt, ct);
        var decision = PolicyAssessor.Decide(rules, policy, timeline, clock.GetUtcNow()).FirstOrDefault(d => d.Kind == expected);
        if (decision is null)
        {
            logger.LogWarning("Case {Case}: policy {Policy} did not decide {Kind} at the {Stage} deadline; firing by the follow-up clock", caseId, policyVersion, expected, stage);
            return byClock;
        }
        return new TransitionCause(Actor, $"{decision.Because} (follow-up {definition.Version})", decision.Rule, decision.PolicyVersion);
    }
}
