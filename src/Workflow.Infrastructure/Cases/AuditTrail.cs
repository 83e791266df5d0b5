using Npgsql;
using NpgsqlTypes;

namespace Workflow.Infrastructure.Cases;

/// <summary>Appends audit entries. There is deliberately no update or delete here (the table refuses them too).</summary>
public static class AuditTrail
{
    /// <summary>One entry per transition, in one statement.</summary>
    public static async Task AppendAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<CaseTransitioned> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        await using var cmd = new NpgsqlCommand("""
            insert into workflow.audit_entries
                (case_id, at, from_state, to_state, from_stage, to_stage, trigger, actor, reason, rule, policy_version, case_version)
            select * from unnest(@case, @at, @fromState, @toState, @fromStage, @toStage, @trigger, @actor, @reason, @rule, @policy, @version)
            """, conn, tx);
        cmd.Parameters.AddWithValue("case", batch.Select(t => t.CaseId).ToArray());
        cmd.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = batch.Select(t => t.At).ToArray() });
        // A case being opened had no state before: the entry says so with nulls, as it always has.
        cmd.Parameters.AddWithValue("fromState", NpgsqlDbType.Array | NpgsqlDbType.Text, batch.Select(t => t.FromState?.ToString()).ToArray());
        cmd.Parameters.AddWithValue("toState", batch.Select(t => t.ToState.ToString()).ToArray());
        cmd.Parameters.AddWithValue("fromStage", NpgsqlDbType.Array | NpgsqlDbType.Text, batch.Select(t => t.FromState is null ? null : t.From.Name).ToArray());
        cmd.Parameters.AddWithValue("toStage", batch.Select(t => t.To.Name).ToArray());
        cmd.Parameters.AddWithValue("trigger", batch.Select(t => t.Trigger.Name).ToArray());
        cmd.Parameters.AddWithValue("actor", batch.Select(t => t.Cause.Actor).ToArray());
        cmd.Parameters.AddWithValue("reason", batch.Select(t => t.Cause.Reason).ToArray());
        cmd.Parameters.AddWithValue("rule", NpgsqlDbType.Array | NpgsqlDbType.Text, batch.Select(t => t.Cause.Rule).ToArray());
        cmd.Parameters.AddWithValue("policy", NpgsqlDbType.Array | NpgsqlDbType.Text, batch.Select(t => t.Cause.PolicyVersion).ToArray());
        cmd.Parameters.AddWithValue("version", batch.Select(t => t.NewVersion).ToArray());
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
