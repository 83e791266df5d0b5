using Npgsql;
using Workflow.Application.Cases;
using Workflow.Application.Suppliers;

namespace Workflow.Application.Products;

/// <summary>
/// Our products and their bill of materials: imported (all or nothing, every problem reported at once), found again by
/// product number and part number, never deleted by an import, and every change audited (old → new, who, when, from
/// which import). The compliance owner marks a product or part as containing no 3TG, with the reason.
/// </summary>
public sealed class ProductRegister(NpgsqlDataSource db, TimeProvider clock)
{
    public const int MaxNumberLength = 100;
    public const int MaxNameLength = 300;
    public const int MaxFamilyLength = 200;

    /// <summary>Imports the lines; <paramref name="dryRun"/> answers what would change and stores nothing.</summary>
    public async Task<ProductImportResult> ImportAsync(IReadOnlyList<(int Row, ProductInput Input)> rows, string actor, bool dryRun, CancellationToken ct)
    {
        var errors = rows.SelectMany(r => Validate(r.Row, r.Input)).ToList();
        errors.AddRange(Inconsistencies(rows));
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var suppliers = await ResolveSuppliersAsync(conn, tx, rows, errors, ct);
        if (errors.Count > 0) return ProductImportResult.Rejected(errors.OrderBy(e => e.Row).ThenBy(e => e.Field).ToList());

        var lines = rows.Select(r => new BomLine(Clean(r.Input.ProductNumber), Clean(r.Input.ProductName), Clean(r.Input.Family), Clean(r.Input.PartNumber),
            suppliers.GetValueOrDefault(r.Row), Clean(r.Input.SupplierPartNumber))).ToList();
        var importId = dryRun ? (Guid?)null : Guid.CreateVersion7();
        var result = await BillOfMaterials.ApplyAsync(conn, tx, lines, write: !dryRun, clock.GetUtcNow(), actor, $"import {importId}", importId, ct);
        if (!dryRun) await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>Checks one row; <paramref name="row"/> is what the error names (CSV line or JSON array index + 1).</summary>
    public static IEnumerable<ImportError> Validate(int row, ProductInput p)
    {
        if (Clean(p.ProductNumber) is null) yield return new ImportError(row, "productNumber", "A product number is required.");
        if (Clean(p.ProductName) is null) yield return new ImportError(row, "productName", "A product name is required.");
        foreach (var (field, value, max) in new[]
        {
            ("productNumber", p.ProductNumber, MaxNumberLength), ("productName", p.ProductName, MaxNameLength), ("family", p.Family, MaxFamilyLength),
            ("partNumber", p.PartNumber, MaxNumberLength), ("supplierCode", p.SupplierCode, 64), ("supplierEmail", p.SupplierEmail, 254),
            ("supplierPartNumber", p.SupplierPartNumber, MaxNumberLength),
        })
            if (Clean(value) is { } text && text.Length > max) yield return new ImportError(row, field, $"At most {max} characters; this value has {text.Length}.");
        var supplier = Clean(p.SupplierCode) ?? Clean(p.SupplierEmail);
        if (Clean(p.PartNumber) is null)
        {
            if (supplier is not null) yield return new ImportError(row, "partNumber", "A supplier is given but no part number: give our part number bought from it.");
            if (Clean(p.SupplierPartNumber) is not null) yield return new ImportError(row, "partNumber", "A supplier part number is given but not our part number.");
        }
        else if (supplier is null)
            yield return new ImportError(row, "supplierCode", "A part needs the supplier it is bought from: its supplierCode (or supplierEmail) in the supplier register.");
    }

    /// <summary>One product has one name and one family; one part from one supplier has one supplier part number.</summary>
    private static IEnumerable<ImportError> Inconsistencies(IReadOnlyList<(int Row, ProductInput Input)> rows)
    {
        foreach (var product in rows.Where(r => Clean(r.Input.ProductNumber) is not null).GroupBy(r => Clean(r.Input.ProductNumber)!, StringComparer.OrdinalIgnoreCase))
        {
            var first = product.First();
            var firstFamily = product.Select(r => Clean(r.Input.Family)).FirstOrDefault(f => f is not null);
            foreach (var (row, input) in product.Skip(1))
            {
                if (Clean(input.ProductName) is { } name && Clean(first.Input.ProductName) is { } firstName && name != firstName)
                    yield return new ImportError(row, "productName", $"Product {product.Key} is named '{firstName}' on row {first.Row} and '{name}' here; one product has one name.");
                var family = Clean(input.Family);
                if (family is not null && firstFamily is not null && family != firstFamily)
                    yield return new ImportError(row, "family", $"Product {product.Key} is in family '{firstFamily}' on an earlier row and '{family}' here; one product has one family.");
            }
        }
        foreach (var source in rows.Where(r => Clean(r.Input.PartNumber) is not null && Clean(r.Input.SupplierPartNumber) is not null)
                     .GroupBy(r => (Part: Clean(r.Input.PartNumber)!.ToLowerInvariant(), Supplier: (Clean(r.Input.SupplierCode) ?? Clean(r.Input.SupplierEmail))?.ToLowerInvariant())))
        {
            var first = source.First();
            foreach (var (row, input) in source.Skip(1).Where(r => Clean(r.Input.SupplierPartNumber) != Clean(first.Input.SupplierPartNumber)))
                yield return new ImportError(row, "supplierPartNumber",
                    $"Part {Clean(input.PartNumber)} from this supplier has supplier part number '{Clean(first.Input.SupplierPartNumber)}' on row {first.Row} and '{Clean(input.SupplierPartNumber)}' here.");
        }
    }

    /// <summary>Each row's supplier: by code, else by e-mail; only active records of the register (not merged ones).</summary>
    private static async Task<Dictionary<int, Guid>> ResolveSuppliersAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<(int Row, ProductInput Input)> rows,
        List<ImportError> errors, CancellationToken ct)
    {
        var codes = rows.Select(r => Clean(r.Input.SupplierCode)?.ToLowerInvariant()).OfType<string>().Distinct().ToArray();
        var emails = rows.Where(r => Clean(r.Input.SupplierCode) is null).Select(r => Clean(r.Input.SupplierEmail)?.ToLowerInvariant()).OfType<string>().Distinct().ToArray();
        var byCode = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        var byEmail = new Dictionary<string, List<(Guid Id, string? Code)>>(StringComparer.OrdinalIgnoreCase);
        if (codes.Length + emails.Length > 0)
        {
            await using var cmd = new NpgsqlCommand("""
                select id, code, email from workflow.suppliers where merged_into is null and (lower(code) = any(@codes) or lower(email) = any(@emails))
                """, conn, tx);
            cmd.Parameters.AddWithValue("codes", codes);
            cmd.Parameters.AddWithValue("emails", emails);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var code = r.IsDBNull(1) ? null : r.GetString(1);
                if (code is not null) byCode[code] = r.GetGuid(0);
                if (!byEmail.TryGetValue(r.GetString(2), out var list)) byEmail[r.GetString(2)] = list = [];
                list.Add((r.GetGuid(0), code));
            }
        }
        var resolved = new Dictionary<int, Guid>();
        foreach (var (row, input) in rows)
        {
            if (Clean(input.PartNumber) is null) continue;
            if (Clean(input.SupplierCode) is { } code)
            {
                if (byCode.TryGetValue(code, out var id)) resolved[row] = id;
                else errors.Add(new ImportError(row, "supplierCode", $"No supplier in the register has the code '{code}'; import the supplier first or correct the code."));
            }
            else if (Clean(input.SupplierEmail) is { } email)
            {
                var found = byEmail.GetValueOrDefault(email) ?? [];
                if (found.Count == 1) resolved[row] = found[0].Id;
                else if (found.Count == 0) errors.Add(new ImportError(row, "supplierEmail", $"No supplier in the register has the e-mail {email}; import the supplier first or give its code."));
                else errors.Add(new ImportError(row, "supplierEmail", $"{email} is the e-mail of {found.Count} suppliers ({string.Join(", ", found.Select(f => f.Code ?? "no code"))}); give the supplierCode to say which."));
            }
        }
        return resolved;
    }

    /// <summary>Marks a product as containing no 3TG, or clears the mark; either way with the reason, audited.</summary>
    public Task MarkProductAsync(Guid id, bool containsNo3tg, string reason, string actor, string source, CancellationToken ct) =>
        MarkAsync("products", "id = @key", id, containsNo3tg, reason, actor, source, ct);

    /// <summary>Marks a part (by our part number) as containing no 3TG, or clears the mark, with the reason, audited.</summary>
    public Task MarkPartAsync(string partNumber, bool containsNo3tg, string reason, string actor, string source, CancellationToken ct) =>
        MarkAsync("parts", "lower(part_number) = lower(@key)", partNumber.Trim(), containsNo3tg, reason, actor, source, ct);

    private async Task MarkAsync(string table, string match, object key, bool containsNo3tg, string reason, string actor, string source, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A reason is required; it is kept with the mark.", nameof(reason));
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        Guid id;
        bool before;
        string? reasonBefore;
        await using (var read = new NpgsqlCommand($"select id, no_3tg, no_3tg_reason from workflow.{table} where {match} for update", conn, tx))
        {
            read.Parameters.AddWithValue("key", key);
            await using var r = await read.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) throw new NotFoundException(table == "products" ? "Product" : "Part", key);
            (id, before, reasonBefore) = (r.GetGuid(0), r.GetBoolean(1), r.IsDBNull(2) ? null : r.GetString(2));
        }
        var now = clock.GetUtcNow();
        await using var write = new NpgsqlCommand($"""
            update workflow.{table} set no_3tg = @mark, no_3tg_reason = @reason, no_3tg_by = @actor, no_3tg_at = @now, updated_at = @now where id = @id;
            insert into workflow.product_changes ({(table == "products" ? "product_id" : "part_id")}, at, actor, source, field, old_value, new_value)
            values (@id, @now, @actor, @source, 'noThreeTg', @before, @after), (@id, @now, @actor, @source, 'noThreeTgReason', @reasonBefore, @reason);
            """, conn, tx);
        write.Parameters.AddWithValue("id", id);
        write.Parameters.AddWithValue("mark", containsNo3tg);
        write.Parameters.AddWithValue("reason", reason.Trim());
        write.Parameters.AddWithValue("reasonBefore", (object?)reasonBefore ?? DBNull.Value);
        write.Parameters.AddWithValue("actor", actor);
        write.Parameters.AddWithValue("now", now);
        write.Parameters.AddWithValue("source", source);
        write.Parameters.AddWithValue("before", before ? "contains no 3TG" : "not marked");
        write.Parameters.AddWithValue("after", containsNo3tg ? "contains no 3TG" : "not marked");
        await write.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Takes a part out of a product's bill of materials (an engineering change), with the reason, audited. The part
    /// itself and where it is bought stay: other products may use it. Imports never remove; this is the one way.
    /// </summary>
    public async Task RemovePartAsync(Guid productId, string partNumber, string reason, string actor, string source, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A reason is required; it is kept with the change.", nameof(reason));
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var remove = new NpgsqlCommand("""
            with gone as (
                delete from workflow.product_parts pp using workflow.parts pa
                 where pp.product_id = @product and pp.part_id = pa.id and lower(pa.part_number) = lower(@part)
                returning pa.id, pa.part_number)
            insert into workflow.product_changes (product_id, part_id, at, actor, source, field, old_value, new_value)
            select @product, g.id, @now, @actor, @source, f.field, f.old_value, f.new_value
              from gone g cross join lateral (values ('part', g.part_number, null::text), ('removalReason', null, @reason)) as f(field, old_value, new_value)
            returning 1
            """, conn, tx);
        remove.Parameters.AddWithValue("product", productId);
        remove.Parameters.AddWithValue("part", partNumber.Trim());
        remove.Parameters.AddWithValue("now", clock.GetUtcNow());
        remove.Parameters.AddWithValue("actor", actor);
        remove.Parameters.AddWithValue("source", source);
        remove.Parameters.AddWithValue("reason", reason.Trim());
        if (await remove.ExecuteScalarAsync(ct) is null) throw new NotFoundException("Part of this product", partNumber);
        await tx.CommitAsync(ct);
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
