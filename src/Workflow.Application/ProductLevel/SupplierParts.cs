using Npgsql;

namespace Workflow.Application.ProductLevel;

/// <summary>The bill of materials seen from one supplier: the parts we buy from it (those not marked free of 3TG).</summary>
public sealed class SupplierParts(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<SupplierPart>> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select pa.part_number, ps.supplier_part_number,
                   array(select p.product_number from workflow.product_parts pp join workflow.products p on p.id = pp.product_id
                          where pp.part_id = pa.id order by p.product_number)
              from workflow.cases c
              join workflow.part_sources ps on ps.supplier_id = c.supplier_id
              join workflow.parts pa on pa.id = ps.part_id
             where c.id = @case and not pa.no_3tg
             order by pa.part_number
            """);
        cmd.Parameters.AddWithValue("case", caseId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var parts = new List<SupplierPart>();
        while (await r.ReadAsync(ct))
            parts.Add(new SupplierPart(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetFieldValue<string[]>(2)));
        return parts;
    }
}
