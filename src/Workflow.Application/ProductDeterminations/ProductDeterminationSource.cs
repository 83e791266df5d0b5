using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Workflow.Application.ProductDeterminations;

/// <summary>
/// Reads the bill of materials, the campaign's cases and their valid declarations: three queries per campaign, whatever
/// the number of products and parts. Each submission counts with its current evaluation as of the cutoff
/// (workflow.current_evaluation), as the campaign report counts it.
/// </summary>
public sealed class ProductDeterminationSource(NpgsqlDataSource db)
{
    private const string ValidOutcomes = "('accepted', 'red-flag')";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="cutoff">
    /// Count only cases opened and submissions received before this instant, each evaluation as it stood then. The bill
    /// of materials is our own record and is read as it stands: the cutoff limits the suppliers' evidence, and a frozen
    /// filing keeps what it computed.
    /// </param>
    public async Task<ProductDeterminationData> LoadAsync(Guid campaignId, DateTimeOffset? cutoff, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var bom = new List<BomRow>();
        // A source that names a supplier since merged into another is bought from the surviving record, which holds the case.
        await using (var cmd = new NpgsqlCommand("""
            select p.id, p.product_number, p.name, p.family, p.no_3tg, p.no_3tg_reason,
                   pa.id, pa.part_number, coalesce(pa.no_3tg, false), pa.no_3tg_reason,
                   s.id, s.name, ps.supplier_part_number
              from workflow.products p
              left join workflow.product_parts pp on pp.product_id = p.id
              left join workflow.parts pa on pa.id = pp.part_id
              left join workflow.part_sources ps on ps.part_id = pa.id
              left join workflow.suppliers m on m.id = ps.supplier_id
              left join workflow.suppliers s on s.id = coalesce(m.merged_into, m.id)
             order by lower(p.product_number), p.id, lower(pa.part_number), pa.id, s.name, s.id
            """, conn))
        {
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                bom.Add(new BomRow(r.GetGuid(0), r.GetString(1), r.GetString(2), Text(r, 3), r.GetBoolean(4), Text(r, 5),
                    r.IsDBNull(6) ? null : r.GetGuid(6), Text(r, 7), r.GetBoolean(8), Text(r, 9),
                    r.IsDBNull(10) ? null : r.GetGuid(10), Text(r, 11), Text(r, 12)));
        }

        var cases = new Dictionary<Guid, CampaignCase>();
        await using (var cmd = new NpgsqlCommand($"""
            select c.id, c.supplier_id, coalesce(st.to_state, c.state),
                   (select count(*)::int from workflow.submissions x where x.case_id = c.id and {Before("x.received_at")})
              from workflow.cases c
              left join lateral (select to_state from workflow.audit_entries a
                                  where a.case_id = c.id and @cutoff is not null and a.at < @cutoff
                                  order by id desc limit 1) st on true
             where c.campaign_id = @campaign and {Before("c.created_at")}
            """, conn))
        {
            cmd.Parameters.AddWithValue("campaign", campaignId);
            cmd.Parameters.Add(Cutoff(cutoff));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                cases[r.GetGuid(1)] = new CampaignCase(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetInt32(3));
        }

        // The declaration travels inside the evaluation; a submission stored without it has it in submission_declarations
        // (until the retention purge empties that). Only what coverage needs leaves the database: the scope, the Product
        // List's numbers, the determination, the product-level request and the red flags with their smelters' names.
        var valid = new Dictionary<Guid, List<ValidDeclaration>>();
        await using (var cmd = new NpgsqlCommand($"""
            select x.case_id, x.id, x.received_at, x.file_name, v.decl->>'scope',
                   coalesce((select array_agg(pr->>'number') from jsonb_array_elements(coalesce(v.decl->'products', '[]')) pr
                              where pr->>'number' is not null), array[]::text[]),
                   e.evaluation->>'determination',
                   exists (select 1 from jsonb_array_elements(coalesce(e.evaluation->'decisions', '[]')) d
                            where d->>'kind' = 'request-product-level-cmrt'),
                   (select jsonb_agg(jsonb_build_object(
                               'code', f->>'code', 'cid', f->>'cid', 'because', coalesce(f->>'because', f->>'message'),
                               'smelter', (select sm->>'name' from jsonb_array_elements(coalesce(e.evaluation->'smelters', '[]')) sm
                                            where upper(trim(sm->>'cid')) = upper(trim(f->>'cid')) limit 1)) order by ord)
                      from jsonb_array_elements(coalesce(e.evaluation->'findings', '[]')) with ordinality fo(f, ord)
                     where f->>'severity' = 'RedFlag')::text
              from workflow.submissions x
              join workflow.cases c on c.id = x.case_id
              cross join lateral workflow.current_evaluation(x.id, @cutoff) e
              left join workflow.submission_declarations sd on sd.submission_id = x.id and sd.purged_at is null
              cross join lateral (select coalesce(e.evaluation->'declaration',
                                                  case when sd.submission_id is not null then convert_from(sd.declaration, 'UTF8')::jsonb end) decl) v
             where c.campaign_id = @campaign and {Before("x.received_at")} and {Before("c.created_at")}
               and e.outcome in {ValidOutcomes} and v.decl is not null and jsonb_typeof(v.decl) = 'object'
             order by x.case_id, x.received_at desc, x.id desc
            """, conn))
        {
            cmd.Parameters.AddWithValue("campaign", campaignId);
            cmd.Parameters.Add(Cutoff(cutoff));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var caseId = r.GetGuid(0);
                var numbers = new HashSet<string>(r.GetFieldValue<string[]>(5).Select(n => n.Trim()).Where(n => n.Length > 0),
                    StringComparer.OrdinalIgnoreCase);
                var flags = r.IsDBNull(8) ? [] : JsonSerializer.Deserialize<List<DeclarationRedFlag>>(r.GetString(8), Json) ?? [];
                if (!valid.TryGetValue(caseId, out var list)) valid[caseId] = list = [];
                list.Add(new ValidDeclaration(caseId, r.GetGuid(1), r.GetFieldValue<DateTimeOffset>(2), r.GetString(3),
                    Text(r, 4) ?? "Missing", numbers, Text(r, 6), r.GetBoolean(7), flags));
            }
        }
        return new ProductDeterminationData(bom, cases, valid.ToDictionary(p => p.Key, p => (IReadOnlyList<ValidDeclaration>)p.Value));
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static string Before(string column) => $"(@cutoff is null or {column} < @cutoff)";

    // Typed, so that "@cutoff is null" has a type when no cutoff is given.
    private static NpgsqlParameter Cutoff(DateTimeOffset? cutoff) =>
        new("cutoff", NpgsqlDbType.TimestampTz) { Value = cutoff is { } c ? c.ToUniversalTime() : DBNull.Value };
}
