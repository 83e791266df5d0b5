using Npgsql;
using Workflow.Application.Cases;

namespace Workflow.Application.Products;

/// <summary>What the product API and pages read: products with their bill of materials, history, and a supplier's parts.</summary>
public sealed class ProductQueries(NpgsqlDataSource db)
{
    /// <summary>Products whose number, name or family, or one of whose part numbers, contains <paramref name="q"/> (all without).</summary>
    public async Task<IReadOnlyList<ProductRecord>> ListAsync(string? q, int offset, int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select p.id, p.product_number, p.name, p.family, p.no_3tg, p.no_3tg_reason, p.no_3tg_by, p.no_3tg_at from workflow.products p
             where @q::text is null or p.product_number ilike @like or p.name ilike @like or p.family ilike @like
                or exists (select 1 from workflow.product_parts pp join workflow.parts pa on pa.id = pp.part_id
                            where pp.product_id = p.id and pa.part_number ilike @like)
             order by lower(p.product_number) offset @offset limit @limit
            """);
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        cmd.Parameters.AddWithValue("q", (object?)text ?? DBNull.Value);
        cmd.Parameters.AddWithValue("like", text is null ? "" : "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%");
        cmd.Parameters.AddWithValue("offset", offset);
        cmd.Parameters.AddWithValue("limit", limit);
        return await WithPartsAsync(await ReadProductsAsync(cmd, ct), ct);
    }

    public async Task<ProductDetail> GetAsync(Guid id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select p.id, p.product_number, p.name, p.family, p.no_3tg, p.no_3tg_reason, p.no_3tg_by, p.no_3tg_at from workflow.products p where p.id = @id
            """);
        cmd.Parameters.AddWithValue("id", id);
        var product = (await WithPartsAsync(await ReadProductsAsync(cmd, ct), ct)).SingleOrDefault() ?? throw new NotFoundException("Product", id);
        // The product's own changes and those of its parts (sources, supplier part numbers, marks): what a reader of the product needs.
        await using var history = db.CreateCommand("""
            select c.at, c.actor, c.source, pa.part_number, c.field, c.old_value, c.new_value
              from workflow.product_changes c left join workflow.parts pa on pa.id = c.part_id
             where c.product_id = @id or c.part_id in (select part_id from workflow.product_parts where product_id = @id)
             order by c.id desc
            """);
        history.Parameters.AddWithValue("id", id);
        var changes = new List<ProductHistoryEntry>();
        await using var r = await history.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            changes.Add(new ProductHistoryEntry(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6)));
        return new ProductDetail(product, changes);
    }

    /// <summary>The parts bought from a supplier (all parts without one), with the products they go into.</summary>
    public async Task<IReadOnlyList<SuppliedPart>> PartsAsync(Guid? supplierId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select pa.id, pa.part_number, ps.supplier_part_number, pa.no_3tg, pa.no_3tg_reason, p.id, p.product_number, p.name
              from workflow.parts pa
              left join workflow.part_sources ps on ps.part_id = pa.id and ps.supplier_id = @supplier
              left join workflow.product_parts pp on pp.part_id = pa.id
              left join workflow.products p on p.id = pp.product_id
             where @supplier::uuid is null or ps.supplier_id is not null
             order by lower(pa.part_number), lower(p.product_number)
            """);
        cmd.Parameters.AddWithValue("supplier", (object?)supplierId ?? DBNull.Value);
        var parts = new List<SuppliedPart>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var id = r.GetGuid(0);
            if (parts.Count == 0 || parts[^1].Id != id)
                parts.Add(new SuppliedPart(id, r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetBoolean(3), r.IsDBNull(4) ? null : r.GetString(4), []));
            if (!r.IsDBNull(5))
                parts[^1] = parts[^1] with { Products = [.. parts[^1].Products, new ProductUse(r.GetGuid(5), r.GetString(6), r.GetString(7))] };
        }
        return parts;
    }

    private static async Task<List<ProductRecord>> ReadProductsAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<ProductRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new ProductRecord(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetBoolean(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7), []));
        return list;
    }

    /// <summary>The products' parts and sources in one query, however many products.</summary>
    private async Task<IReadOnlyList<ProductRecord>> WithPartsAsync(List<ProductRecord> products, CancellationToken ct)
    {
        if (products.Count == 0) return products;
        await using var cmd = db.CreateCommand("""
            select pp.product_id, pa.id, pa.part_number, pa.no_3tg, pa.no_3tg_reason, s.id, s.name, s.code, ps.supplier_part_number
              from workflow.product_parts pp
              join workflow.parts pa on pa.id = pp.part_id
              left join workflow.part_sources ps on ps.part_id = pa.id
              left join workflow.suppliers s on s.id = ps.supplier_id
             where pp.product_id = any(@ids)
             order by pp.product_id, lower(pa.part_number), lower(s.name)
            """);
        cmd.Parameters.AddWithValue("ids", products.Select(p => p.Id).ToArray());
        var parts = new Dictionary<Guid, List<ProductPart>>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var productId = r.GetGuid(0);
                if (!parts.TryGetValue(productId, out var list)) parts[productId] = list = [];
                var partId = r.GetGuid(1);
                if (list.Count == 0 || list[^1].Id != partId)
                    list.Add(new ProductPart(partId, r.GetString(2), r.GetBoolean(3), r.IsDBNull(4) ? null : r.GetString(4), []));
                if (!r.IsDBNull(5))
                    list[^1] = list[^1] with
                    {
                        Suppliers = [.. list[^1].Suppliers, new PartSource(r.GetGuid(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8))],
                    };
            }
        return products.Select(p => p with { Parts = parts.GetValueOrDefault(p.Id) ?? [] }).ToList();
    }
}
