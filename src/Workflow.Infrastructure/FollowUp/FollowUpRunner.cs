using Microsoft.Extensions.Logging;
using Npgsql;
using Workflow.Domain.Cases;
using Workflow.Infrastructure.Cases;

namespace Workflow.Infrastructure.FollowUp;

/// <summary>
/// Fires a case's follow-up timer when it is due, through <see cref="CaseTransitions"/> with the version the timer was
/// set for: a case that moved on since (answered, decided, or already fired by another instance) is left alone,
/// because the version check lets only one writer through.
/// </summary>
public sealed class FollowUpRunner(NpgsqlDataSource db, CaseTransitions transitions, FollowUpDefinition definition, TimeProvider clock,
    ILogger<FollowUpRunner> logger)
{
    public const string Actor = "system:follow-up";

    public async Task<TimerOutcome> FireIfDueAsync(Guid caseId, int expectedVersion, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select stage, version, due_at from workflow.cases where id = @id");
        cmd.Parameters.AddWithValue("id", caseId);
        CaseStage stage;
        int version;
        DateTimeOffset? dueAt;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct)) return TimerOutcome.NothingDue;
            stage = Enum.Parse<CaseStage>(r.GetString(0));
            version = r.GetInt32(1);
            dueAt = r.IsDBNull(2) ? null : r.GetFieldValue<DateTimeOffset>(2);
        }
        if (version != expectedVersion) return TimerOutcome.Stale;
        if (dueAt is null || FollowUpTimer.For(stage, definition) is not { } timer) return TimerOutcome.NothingDue;
        if (dueAt > clock.GetUtcNow()) return TimerOutcome.NotYetDue(dueAt.Value);

        try
        {
            // The audit names the timing rule and the follow-up definition version in force, as it does for policy rules.
            var cause = new TransitionCause(Actor, timer.Reason, $"follow-up:{stage}", $"follow-up {definition.Version}");
            await transitions.FireAsync(caseId, timer.Trigger, cause, expectedVersion, ct: ct);
            return TimerOutcome.Fired;
        }
        catch (ConcurrencyConflictException)
        {
            logger.LogDebug("Case {Case} moved on while its {Trigger} timer fired; nothing to do", caseId, timer.Trigger);
            return TimerOutcome.Stale;
        }
    }
}
