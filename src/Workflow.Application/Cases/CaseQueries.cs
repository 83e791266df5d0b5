using Npgsql;

namespace Workflow.Application.Cases;

/// <summary>Read models for the API and pages; plain SQL projections, no state machine involved.</summary>
public sealed class CaseQueries(NpgsqlDataSource db, TimeProvider clock, Workflow.StateMachines.CaseMachine machine)
{
    public async Task<IReadOnlyList<CaseListItem>> ListAsync(Guid campaignId, string? state, int offset, int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select c.id, c.reference, s.name, s.email, c.state, c.stage, c.updated_at, c.due_at, c.last_outcome
              from workflow.cases c join workflow.suppliers s on s.id = c.supplier_id
             where c.campaign_id = @campaign and (@state::text is null or c.state = @state or c.stage = any(@stages))
             order by s.name, c.id
             offset @offset limit @limit
            """);
        cmd.Parameters.AddWithValue("campaign", campaignId);
        cmd.Parameters.AddWithValue("state", NpgsqlTypes.NpgsqlDbType.Text, (object?)state ?? DBNull.Value);
        // Filters accept stage names too: a stage and the stages below it.
        cmd.Parameters.AddWithValue("stages", state is null ? [] : machine.StagesWithin(state).Select(s => s.Name).ToArray());
        cmd.Parameters.AddWithValue("offset", offset);
        cmd.Parameters.AddWithValue("limit", limit);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<CaseListItem>();
        while (await r.ReadAsync(ct))
            list.Add(new CaseListItem(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetFieldValue<DateTimeOffset>(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetString(8)));
        return list;
    }

    public async Task<CaseDetail?> GetAsync(Guid caseId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        CaseDetail? detail;
        await using (var cmd = new NpgsqlCommand("""
            select c.id, c.reference, c.campaign_id, k.name, s.id, s.name, s.email, s.country, c.state, c.stage, c.version,
                   c.due_at, c.escalated_at, c.escalation_reason, c.last_outcome, c.created_at, c.updated_at, s.language
              from workflow.cases c
              join workflow.suppliers s on s.id = c.supplier_id
              join workflow.campaigns k on k.id = c.campaign_id
             where c.id = @id
            """, conn))
        {
            cmd.Parameters.AddWithValue("id", caseId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return null;
            detail = new CaseDetail(r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetString(3), r.GetGuid(4), r.GetString(5), r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8), r.GetString(9), r.GetInt32(10),
                r.IsDBNull(11) ? null : r.GetFieldValue<DateTimeOffset>(11), r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12),
                r.IsDBNull(13) ? null : r.GetString(13), r.IsDBNull(14) ? null : r.GetString(14),
                r.GetFieldValue<DateTimeOffset>(15), r.GetFieldValue<DateTimeOffset>(16), [], []) { SupplierLanguage = r.GetString(17) };
        }
        var history = new List<AuditEntryView>();
        await using (var cmd = new NpgsqlCommand("""
            select id, at, from_state, to_state, from_stage, to_stage, trigger, actor, reason, rule, policy_version, case_version
              from workflow.audit_entries where case_id = @id order by id
            """, conn))
        {
            cmd.Parameters.AddWithValue("id", caseId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                history.Add(new AuditEntryView(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8),
                    r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10), r.GetInt32(11)));
        }
        var submissions = new List<SubmissionSummary>();
        await using (var cmd = new NpgsqlCommand("""
            select id, received_at, channel, submitted_by, file_name, size_bytes, sha256, outcome, template, template_version
              from workflow.submissions where case_id = @id order by received_at
            """, conn))
        {
            cmd.Parameters.AddWithValue("id", caseId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                submissions.Add(new SubmissionSummary(r.GetGuid(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3), r.GetString(4),
                    r.GetInt32(5), r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9)));
        }
        return detail with { History = history, Submissions = submissions, Notes = await CaseNotes.ForCaseAsync(conn, caseId, ct) };
    }

    /// <summary>Escalated cases, oldest first, keyset-friendly on (escalated_at, id) through a partial index.</summary>
    public async Task<IReadOnlyList<EscalationItem>> EscalationsAsync(Guid? campaignId, int offset, int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select c.id, c.reference, c.campaign_id, k.name, s.name, s.email, c.stage, c.escalation_reason, c.escalated_at, c.due_at
              from workflow.cases c
              join workflow.suppliers s on s.id = c.supplier_id
              join workflow.campaigns k on k.id = c.campaign_id
             where c.state = 'Escalated' and (@campaign::uuid is null or c.campaign_id = @campaign)
             order by c.escalated_at, c.id
             offset @offset limit @limit
            """);
        cmd.Parameters.AddWithValue("campaign", NpgsqlTypes.NpgsqlDbType.Uuid, (object?)campaignId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("offset", offset);
        cmd.Parameters.AddWithValue("limit", limit);
        var now = clock.GetUtcNow();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<EscalationItem>();
        while (await r.ReadAsync(ct))
        {
            var at = r.GetFieldValue<DateTimeOffset>(8);
            list.Add(new EscalationItem(r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7), at, Math.Round((now - at).TotalDays, 2), r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9)));
        }
        return list;
    }
}
