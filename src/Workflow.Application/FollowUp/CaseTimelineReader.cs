using Npgsql;
using Workflow.Domain.Cases;
using Workflow.Rules.Facts;
using Workflow.StateMachines;

namespace Workflow.Application.FollowUp;

/// <summary>
/// Builds the Step 3 rules' <see cref="CaseTimeline"/> from a case's audit trail, with the deadline of the stage the case
/// waits in (its due time, which the follow-up definition set and a manager's extension may have moved), as the deadline
/// the stage's timer declares: an escalation deadline while surveyed is the second request's, while invalid the
/// correction window's.
/// </summary>
public sealed class CaseTimelineReader(NpgsqlDataSource db)
{
    public async Task<CaseTimeline> ReadAsync(Guid caseId, CaseState state, PolicyDeadline deadline, DateTimeOffset? dueAt, CancellationToken ct)
    {
        // One pass over the case's own entries (indexed by case); the latest of each kind of event wins.
        await using var cmd = db.CreateCommand("""
            select
              max(at) filter (where to_stage = 'SecondRequestSent'),
              max(at) filter (where trigger in ('CmrtAccepted', 'RejectedAsInvalid', 'Corrected')),
              max(at) filter (where to_state = 'Invalid' and from_state is distinct from 'Invalid'),
              max(at) filter (where to_state = 'Corrected'),
              max(at) filter (where to_state = 'Escalated' and from_state is distinct from 'Escalated'),
              max(at) filter (where from_state = 'Escalated' and to_state <> 'Escalated')
            from workflow.audit_entries where case_id = @id
            """);
        cmd.Parameters.AddWithValue("id", caseId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        DateTimeOffset? At(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
        return new CaseTimeline
        {
            CaseId = caseId.ToString(),
            SecondRequestSentAt = At(0),
            RespondedAt = At(1),
            CorrectionRequestedAt = At(2),
            CorrectedAt = At(3),
            EscalatedAt = At(4),
            ResolvedAt = At(5),
            SecondRequestDueAt = deadline == PolicyDeadline.Escalation && state == CaseState.Surveyed ? dueAt : null,
            CorrectionDueAt = deadline == PolicyDeadline.Escalation && state == CaseState.Invalid ? dueAt : null,
            EscalationDueAt = deadline == PolicyDeadline.TerminationRecommendation ? dueAt : null,
        };
    }
}
