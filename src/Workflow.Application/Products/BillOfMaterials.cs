using Npgsql;
using NpgsqlTypes;

namespace Workflow.Application.Products;

/// <summary>One validated line: a product (or none), a part (or none) and where it is bought (or nowhere yet).</summary>
internal sealed record BomLine(string? ProductNumber, string? ProductName, string? Family, string? PartNumber, Guid? SupplierId, string? SupplierPartNumber);

/// <summary>
/// Plans and writes bill-of-materials lines against what is stored: products by number, parts by number, sources by
/// (part, supplier), links by (product, part), all case-insensitive. A value a line leaves empty (family, supplier part
/// number) stays as it is, and nothing is ever deleted. Whatever the number of lines, the work is a fixed number of
/// statements (arrays through unnest), every change audited in <c>product_changes</c> in the caller's transaction.
/// </summary>
internal static class BillOfMaterials
{
    private sealed class ProductState(Guid id, string number, string name, string? family, bool isNew)
    {
        public Guid Id { get; } = id;
        public string Number { get; } = number;
        public string Name { get; set; } = name;
        public string? Family { get; set; } = family;
        public bool IsNew { get; } = isNew;
    }

    private sealed record PartState(Guid Id, string Number, bool IsNew);

    private sealed class SourceState(string? number, bool isNew)
    {
        public string? Number { get; set; } = number;
        public bool IsNew { get; } = isNew;
    }

    public static async Task<ProductImportResult> ApplyAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<BomLine> lines, bool write,
        DateTimeOffset now, string actor, string source, Guid? importId, CancellationToken ct)
    {
        if (write)
        {
            // Two writers at once would both decide a part is new; reading stays free.
            await using var lockCmd = new NpgsqlCommand(
                "lock table workflow.products, workflow.parts, workflow.part_sources, workflow.product_parts in share row exclusive mode", conn, tx);
            await lockCmd.ExecuteNonQueryAsync(ct);
        }
        var productNumbers = lines.Where(l => l.ProductNumber is not null).Select(l => l.ProductNumber!.ToLowerInvariant()).Distinct().ToArray();
        var partNumbers = lines.Where(l => l.PartNumber is not null).Select(l => l.PartNumber!.ToLowerInvariant()).Distinct().ToArray();
        var supplierIds = lines.Where(l => l.SupplierId is not null).Select(l => l.SupplierId!.Value).Distinct().ToArray();

        var products = new Dictionary<string, ProductState>(StringComparer.OrdinalIgnoreCase);
        await using (var cmd = new NpgsqlCommand("select id, product_number, name, family from workflow.products where lower(product_number) = any(@n)", conn, tx))
        {
            cmd.Parameters.AddWithValue("n", productNumbers);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                products[r.GetString(1)] = new ProductState(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), false);
        }
        var parts = new Dictionary<string, PartState>(StringComparer.OrdinalIgnoreCase);
        await using (var cmd = new NpgsqlCommand("select id, part_number from workflow.parts where lower(part_number) = any(@n)", conn, tx))
        {
            cmd.Parameters.AddWithValue("n", partNumbers);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) parts[r.GetString(1)] = new PartState(r.GetGuid(0), r.GetString(1), false);
        }
        var sources = new Dictionary<(Guid Part, Guid Supplier), SourceState>();
        var links = new HashSet<(Guid Product, Guid Part)>();
        await using (var cmd = new NpgsqlCommand("""
            select part_id, supplier_id, supplier_part_number from workflow.part_sources where part_id = any(@parts);
            select product_id, part_id from workflow.product_parts where product_id = any(@products);
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue("parts", parts.Values.Select(p => p.Id).ToArray());
            cmd.Parameters.AddWithValue("products", products.Values.Select(p => p.Id).ToArray());
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) sources[(r.GetGuid(0), r.GetGuid(1))] = new SourceState(r.IsDBNull(2) ? null : r.GetString(2), false);
            await r.NextResultAsync(ct);
            while (await r.ReadAsync(ct)) links.Add((r.GetGuid(0), r.GetGuid(1)));
        }
        var labels = new Dictionary<Guid, string>();
        await using (var cmd = new NpgsqlCommand("select id, name, code from workflow.suppliers where id = any(@ids)", conn, tx))
        {
            cmd.Parameters.AddWithValue("ids", supplierIds);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) labels[r.GetGuid(0)] = r.IsDBNull(2) ? r.GetString(1) : $"{r.GetString(1)} ({r.GetString(2)})";
        }

        var changes = new List<ProductChange>();
        var newProducts = new List<ProductState>();
        var updatedProducts = new HashSet<ProductState>();
        var newParts = new List<PartState>();
        var newSources = new List<(Guid Part, Guid Supplier, string? Number)>();
        var renumbered = new List<(Guid Part, Guid Supplier, string Number)>();
        var newLinks = new List<(Guid Product, Guid Part)>();
        foreach (var line in lines)
        {
            ProductState? product = null;
            if (line.ProductNumber is { } productNumber)
            {
                if (!products.TryGetValue(productNumber, out product))
                {
                    product = new ProductState(Guid.CreateVersion7(), productNumber, line.ProductName!, line.Family, true);
                    products[productNumber] = product;
                    newProducts.Add(product);
                    changes.Add(new ProductChange(product.Id, productNumber, null, null, "productNumber", null, productNumber));
                    changes.Add(new ProductChange(product.Id, productNumber, null, null, "name", null, product.Name));
                    if (product.Family is not null) changes.Add(new ProductChange(product.Id, productNumber, null, null, "family", null, product.Family));
                }
                else if (!product.IsNew)
                {
                    if (line.ProductName is { } name && name != product.Name)
                    {
                        changes.Add(new ProductChange(product.Id, product.Number, null, null, "name", product.Name, name));
                        product.Name = name;
                        updatedProducts.Add(product);
                    }
                    if (line.Family is { } family && family != product.Family)
                    {
                        changes.Add(new ProductChange(product.Id, product.Number, null, null, "family", product.Family, family));
                        product.Family = family;
                        updatedProducts.Add(product);
                    }
                }
            }
            if (line.PartNumber is not { } partNumber) continue;
            if (!parts.TryGetValue(partNumber, out var part))
            {
                part = new PartState(Guid.CreateVersion7(), partNumber, true);
                parts[partNumber] = part;
                newParts.Add(part);
                changes.Add(new ProductChange(null, null, part.Id, partNumber, "partNumber", null, partNumber));
            }
            if (line.SupplierId is { } supplierId)
            {
                var label = labels.GetValueOrDefault(supplierId, supplierId.ToString());
                if (!sources.TryGetValue((part.Id, supplierId), out var bought))
                {
                    sources[(part.Id, supplierId)] = new SourceState(line.SupplierPartNumber, true);
                    newSources.Add((part.Id, supplierId, line.SupplierPartNumber));
                    changes.Add(new ProductChange(null, null, part.Id, part.Number, "source", null, label));
                    if (line.SupplierPartNumber is not null)
                        changes.Add(new ProductChange(null, null, part.Id, part.Number, $"supplierPartNumber ({label})", null, line.SupplierPartNumber));
                }
                else if (line.SupplierPartNumber is { } number && number != bought.Number)
                {
                    changes.Add(new ProductChange(null, null, part.Id, part.Number, $"supplierPartNumber ({label})", bought.Number, number));
                    bought.Number = number;
                    if (bought.IsNew) newSources[newSources.FindIndex(s => s.Part == part.Id && s.Supplier == supplierId)] = (part.Id, supplierId, number);
                    else renumbered.Add((part.Id, supplierId, number));
                }
            }
            if (product is not null && links.Add((product.Id, part.Id)))
            {
                newLinks.Add((product.Id, part.Id));
                changes.Add(new ProductChange(product.Id, product.Number, part.Id, part.Number, "part", null, part.Number));
            }
        }
        var result = new ProductImportResult(importId, newProducts.Count, updatedProducts.Count, newParts.Count, newLinks.Count, changes, []);
        if (!write) return result;

        await using (var cmd = new NpgsqlCommand("""
            insert into workflow.products (id, product_number, name, family, created_at, updated_at)
            select u.id, u.number, u.name, u.family, @now, @now from unnest(@ids, @numbers, @names, @families) as u(id, number, name, family);
            update workflow.products p set name = u.name, family = u.family, updated_at = @now
              from unnest(@uids, @unames, @ufamilies) as u(id, name, family) where p.id = u.id;
            insert into workflow.parts (id, part_number, created_at, updated_at)
            select u.id, u.number, @now, @now from unnest(@partIds, @partNumbers) as u(id, number);
            insert into workflow.part_sources (part_id, supplier_id, supplier_part_number, added_at)
            select u.part, u.supplier, u.number, @now from unnest(@sourceParts, @sourceSuppliers, @sourceNumbers) as u(part, supplier, number);
            update workflow.part_sources ps set supplier_part_number = u.number
              from unnest(@rParts, @rSuppliers, @rNumbers) as u(part, supplier, number) where ps.part_id = u.part and ps.supplier_id = u.supplier;
            insert into workflow.product_parts (product_id, part_id, added_at)
            select u.product, u.part, @now from unnest(@linkProducts, @linkParts) as u(product, part);
            insert into workflow.product_changes (product_id, part_id, at, actor, source, field, old_value, new_value)
            select u.product, u.part, @now, @actor, @source, u.field, u.old, u.new
              from unnest(@cProducts, @cParts, @cFields, @cOlds, @cNews) with ordinality as u(product, part, field, old, new, n) order by u.n;
            """, conn, tx))
        {
            var p = cmd.Parameters;
            p.AddWithValue("now", now);
            p.AddWithValue("actor", actor);
            p.AddWithValue("source", source);
            p.AddWithValue("ids", newProducts.Select(x => x.Id).ToArray());
            p.AddWithValue("numbers", newProducts.Select(x => x.Number).ToArray());
            p.AddWithValue("names", newProducts.Select(x => x.Name).ToArray());
            p.AddWithValue("families", NpgsqlDbType.Array | NpgsqlDbType.Text, newProducts.Select(x => (object?)x.Family ?? DBNull.Value).ToArray());
            p.AddWithValue("uids", updatedProducts.Select(x => x.Id).ToArray());
            p.AddWithValue("unames", updatedProducts.Select(x => x.Name).ToArray());
            p.AddWithValue("ufamilies", NpgsqlDbType.Array | NpgsqlDbType.Text, updatedProducts.Select(x => (object?)x.Family ?? DBNull.Value).ToArray());
            p.AddWithValue("partIds", newParts.Select(x => x.Id).ToArray());
            p.AddWithValue("partNumbers", newParts.Select(x => x.Number).ToArray());
            p.AddWithValue("sourceParts", newSources.Select(x => x.Part).ToArray());
            p.AddWithValue("sourceSuppliers", newSources.Select(x => x.Supplier).ToArray());
            p.AddWithValue("sourceNumbers", NpgsqlDbType.Array | NpgsqlDbType.Text, newSources.Select(x => (object?)x.Number ?? DBNull.Value).ToArray());
            p.AddWithValue("rParts", renumbered.Select(x => x.Part).ToArray());
            p.AddWithValue("rSuppliers", renumbered.Select(x => x.Supplier).ToArray());
            p.AddWithValue("rNumbers", renumbered.Select(x => x.Number).ToArray());
            p.AddWithValue("linkProducts", newLinks.Select(x => x.Product).ToArray());
            p.AddWithValue("linkParts", newLinks.Select(x => x.Part).ToArray());
            p.AddWithValue("cProducts", NpgsqlDbType.Array | NpgsqlDbType.Uuid, changes.Select(x => (object?)x.ProductId ?? DBNull.Value).ToArray());
            p.AddWithValue("cParts", NpgsqlDbType.Array | NpgsqlDbType.Uuid, changes.Select(x => (object?)x.PartId ?? DBNull.Value).ToArray());
            p.AddWithValue("cFields", changes.Select(x => x.Field).ToArray());
            p.AddWithValue("cOlds", NpgsqlDbType.Array | NpgsqlDbType.Text, changes.Select(x => (object?)x.From ?? DBNull.Value).ToArray());
            p.AddWithValue("cNews", NpgsqlDbType.Array | NpgsqlDbType.Text, changes.Select(x => (object?)x.To ?? DBNull.Value).ToArray());
            await cmd.ExecuteNonQueryAsync(ct);
        }
        return result;
    }

    /// <summary>
    /// The supplier register's <c>parts</c>: each our part number bought from that supplier becomes a part source (no
    /// supplier part number); a source already there stays as it is.
    /// </summary>
    public static async Task AddSupplierPartsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IEnumerable<(Guid SupplierId, IReadOnlyList<string> Parts)> given,
        DateTimeOffset now, string actor, string source, CancellationToken ct)
    {
        var lines = given.SelectMany(g => g.Parts.Select(p => p.Trim()).Where(p => p.Length > 0)
            .Select(p => new BomLine(null, null, null, p, g.SupplierId, null))).ToList();
        if (lines.Count > 0) await ApplyAsync(conn, tx, lines, write: true, now, actor, source, null, ct);
    }
}
