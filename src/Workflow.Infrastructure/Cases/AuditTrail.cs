using Workflow.Domain.Cases;
using Npgsql;

namespace Workflow.Infrastructure.Cases;

/// <summary>Appends audit entries. There is deliberately no update or delete here (the table refuses them too).</summary>
public static class AuditTrail
{
    public static async Task AppendAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CaseTransitioned t, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into workflow.audit_entries
                (case_id, at, from_state, to_state, from_stage, to_stage, trigger, actor, reason, rule, policy_version, case_version)
            values (@case, @at, @fromState, @toState, @fromStage, @toStage, @trigger, @actor, @reason, @rule, @policy, @version)
            """, conn, tx);
        cmd.Parameters.AddWithValue("case", t.CaseId);
        cmd.Parameters.AddWithValue("at", t.At);
        cmd.Parameters.AddWithValue("fromState", t.From.ToState().ToString());
        cmd.Parameters.AddWithValue("toState", t.To.ToState().ToString());
        cmd.Parameters.AddWithValue("fromStage", t.From.ToString());
        cmd.Parameters.AddWithValue("toStage", t.To.ToString());
        cmd.Parameters.AddWithValue("trigger", t.Trigger.ToString());
        cmd.Parameters.AddWithValue("actor", t.Cause.Actor);
        cmd.Parameters.AddWithValue("reason", t.Cause.Reason);
        cmd.Parameters.AddWithValue("rule", (object?)t.Cause.Rule ?? DBNull.Value);
        cmd.Parameters.AddWithValue("policy", (object?)t.Cause.PolicyVersion ?? DBNull.Value);
        cmd.Parameters.AddWithValue("version", t.NewVersion);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
