using Npgsql;
using NpgsqlTypes;

namespace Workflow.Application.Cases;

/// <summary>Appends audit entries. There is deliberately no update or delete here (the table refuses them too).</summary>
public static class AuditTrail
{
    /// <summary>One entry per transition, in one binary COPY (the cheapest way into PostgreSQL for a batch).</summary>
    public static async Task AppendAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<CaseTransitioned> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        await using var copy = await conn.BeginBinaryImportAsync("""
            copy workflow.audit_entries
                (case_id, at, from_state, to_state, from_stage, to_stage, trigger, actor, reason, rule, policy_version, case_version)
            from stdin (format binary)
            """, ct);
        foreach (var t in batch)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(t.CaseId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(t.At, NpgsqlDbType.TimestampTz, ct);
            // A case being opened had no state before: the entry says so with nulls, as it always has.
            await TextAsync(copy, t.FromState?.ToString(), ct);
            await copy.WriteAsync(t.ToState.ToString(), NpgsqlDbType.Text, ct);
            await TextAsync(copy, t.FromState is null ? null : t.From.Name, ct);
            await copy.WriteAsync(t.To.Name, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(t.Trigger.Name, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(t.Cause.Actor, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(t.Cause.Reason, NpgsqlDbType.Text, ct);
            await TextAsync(copy, t.Cause.Rule, ct);
            await TextAsync(copy, t.Cause.PolicyVersion, ct);
            await copy.WriteAsync(t.NewVersion, NpgsqlDbType.Integer, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static Task TextAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Text, ct);
}
