using System.Text.Json;
using Npgsql;
using Workflow.Application.Submissions;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Reference;

namespace Workflow.Application.Reevaluation;

/// <summary>
/// A case's latest submission with its current evaluation and what a re-evaluation needs to evaluate it again: the
/// declaration stored with it, else (older submissions) the file, else the declaration inside its first evaluation.
/// </summary>
public sealed record CurrentSubmission(
    Guid SubmissionId,
    Guid CaseId,
    string CaseReference,
    string SupplierName,
    string CaseState,
    string Outcome,
    string EvaluationJson,
    byte[]? StoredDeclaration,
    byte[]? File,
    string? DeclarationInEvaluation)
{
    /// <summary>
    /// The declaration to evaluate: the stored one; else the file read once (<c>ToStore</c> is then its declaration,
    /// for the caller to keep); else, the file being purged, the declaration inside the first evaluation. Null when
    /// the file was unreadable.
    /// </summary>
    public (CmrtDeclaration? Declaration, byte[]? ToStore) ReadDeclaration(SmelterReferenceList list)
    {
        if (StoredDeclaration is { Length: > 0 } stored) return (SubmissionDeclarations.Deserialize(stored), null);
        if (File is { Length: > 0 } file)
        {
            using var stream = new MemoryStream(file, writable: false);
            var read = CmrtReader.Read(stream, CmrtReaderOptions.Default with { ReferenceList = list });
            return read.Declaration is { } d ? (d, SubmissionDeclarations.Serialize(d)) : (null, null);
        }
        if (DeclarationInEvaluation is { } json && json != "null")
            return (JsonSerializer.Deserialize<CmrtDeclaration>(json, SubmissionDeclarations.Json), null);
        return (null, null);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> current submissions of the campaign's cases after <paramref name="afterCase"/> (by
    /// case id), skipping those the run <paramref name="skipRun"/> already re-evaluated.
    /// </summary>
    public static async Task<List<CurrentSubmission>> PageAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid campaignId,
        Guid afterCase, int limit, Guid? skipRun, CancellationToken ct)
    {
        // The page's case and submission ids first (materialized), so the costly columns are computed for its rows
        // only, not for every case of the campaign before the limit. The evaluation's declaration and smelters are
        // left out of the "before": the comparison reads outcome, findings, decisions and determination.
        await using var cmd = new NpgsqlCommand("""
            with page as materialized (
                select c.id, c.reference, c.state, c.supplier_id, s.id submission_id
                  from workflow.cases c
                  cross join lateral (select x.id from workflow.submissions x where x.case_id = c.id
                                       order by x.received_at desc, x.id desc limit 1) s
                 where c.campaign_id = @campaign and c.id > @after
                   and (@run::uuid is null or not exists (select 1 from workflow.reevaluations r where r.run_id = @run and r.submission_id = s.id))
                 order by c.id
                 limit @limit)
            select p.submission_id, p.id, p.reference, sp.name, p.state, e.outcome, (e.evaluation - 'declaration' - 'smelters')::text,
                   d.declaration,
                   case when d.submission_id is null and s.purged_at is null then s.content end,
                   case when d.submission_id is null then (s.evaluation -> 'declaration')::text end
              from page p
              join workflow.submissions s on s.id = p.submission_id
              join workflow.suppliers sp on sp.id = p.supplier_id
              cross join lateral workflow.current_evaluation(p.submission_id) e
              left join workflow.submission_declarations d on d.submission_id = p.submission_id and d.purged_at is null
             order by p.id
            """, conn, tx);
        cmd.Parameters.AddWithValue("campaign", campaignId);
        cmd.Parameters.AddWithValue("after", afterCase);
        cmd.Parameters.AddWithValue("limit", limit);
        cmd.Parameters.Add(new NpgsqlParameter("run", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = skipRun is { } r ? r : DBNull.Value });
        var page = new List<CurrentSubmission>(limit);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            page.Add(new CurrentSubmission(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<byte[]>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<byte[]>(8),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        return page;
    }

    /// <summary>Cases of the campaign that have a submission: the run's total.</summary>
    public static async Task<int> CountAsync(NpgsqlConnection conn, Guid campaignId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select count(*)::int from workflow.cases c
             where c.campaign_id = @campaign and exists (select 1 from workflow.submissions x where x.case_id = c.id)
            """, conn);
        cmd.Parameters.AddWithValue("campaign", campaignId);
        return (int)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
