using System.Text.Json;
using Npgsql;
using Workflow.Application.Bounces;
using Workflow.Application.Cases;
using Workflow.Application.Products;

namespace Workflow.Application.Suppliers;

/// <summary>
/// Edits of one supplier record through the API and pages: a JSON merge patch of its fields (a null clears an optional
/// field), its status (active, inactive, terminated, always with a reason), its scope in a campaign, and merging two
/// records that are one company. Every change is audited field by field.
/// </summary>
public sealed class SupplierEditing(NpgsqlDataSource db, TimeProvider clock)
{
    private static readonly string[] Patchable =
        ["code", "name", "email", "country", "contactName", "contactEmails", "spend", "deliveryQuantity", "priority", "language", "parts", "status", "statusReason"];

    /// <exception cref="SupplierPatchException">Unknown fields or invalid values, all of them.</exception>
    public async Task<SupplierRecord> PatchAsync(Guid id, JsonElement patch, string actor, CancellationToken ct)
    {
        if (patch.ValueKind != JsonValueKind.Object) throw new SupplierPatchException([new ImportError(0, "$", "Send a JSON object (a merge patch).")]);
        var errors = new List<ImportError>();
        foreach (var field in patch.EnumerateObject().Where(f => !Patchable.Contains(f.Name)))
            errors.Add(new ImportError(0, field.Name, $"Unknown or read-only field; patchable: {string.Join(", ", Patchable)}."));

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var current = await LockAsync(conn, tx, id, ct);
        var next = current;
        string? Text(string name, string? value) => patch.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.Null => null, JsonValueKind.String => v.GetString()!.Trim(), _ => Wrong(name, "text") }
            : value;
        decimal? Number(string name, decimal? value) => patch.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.Null => null, JsonValueKind.Number => v.GetDecimal(), _ => WrongNumber(name) }
            : value;
        IReadOnlyList<string> List(string name, IReadOnlyList<string> value) => patch.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.Null => [],
                JsonValueKind.Array when v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                    v.EnumerateArray().Select(e => e.GetString()!.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                _ => WrongList(name),
            }
            : value;
        string? Wrong(string name, string what) { errors.Add(new ImportError(0, name, $"Expected {what} or null.")); return null; }
        decimal? WrongNumber(string name) { errors.Add(new ImportError(0, name, "Expected a number or null.")); return null; }
        IReadOnlyList<string> WrongList(string name) { errors.Add(new ImportError(0, name, "Expected an array of strings or null.")); return []; }

        next = next with
        {
            Code = Text("code", next.Code) is { Length: > 0 } code ? code : null,
            Name = Text("name", next.Name) ?? "",
            Email = Text("email", next.Email) ?? "",
            Country = Text("country", next.Country),
            ContactName = Text("contactName", next.ContactName),
            ContactEmails = List("contactEmails", next.ContactEmails),
            Spend = Number("spend", next.Spend),
            DeliveryQuantity = Number("deliveryQuantity", next.DeliveryQuantity),
            Priority = Number("priority", next.Priority) is { } p ? (int)p : null,
            Language = Text("language", next.Language) is { } language ? SupplierLanguages.Normalise(language) ?? language : SupplierLanguages.Default,
            Parts = SupplierFields.AddTo(next.Parts, List("parts", [])),
        };
        errors.AddRange(SupplierValidation.Validate(0, ToInput(next)));
        var status = Text("status", null);
        var reason = Text("statusReason", null);
        if (status is not null && !SupplierStatuses.All.Contains(status))
            errors.Add(new ImportError(0, "status", $"'{status}' is not a status; use {string.Join(", ", SupplierStatuses.All)}."));
        else if (status is not null && status != current.Status && string.IsNullOrWhiteSpace(reason))
            errors.Add(new ImportError(0, "statusReason", "Give a reason for the status change; it is kept with the supplier."));
        if (errors.Count > 0) throw new SupplierPatchException(errors);

        var now = clock.GetUtcNow();
        var changes = SupplierFields.Compare(current, next);
        if (changes.Count > 0)
        {
            await SupplierRegister.UpdateAsync(conn, tx, next, now, ct);
            await ContactBounces.ResolveRemovedAsync(conn, tx, [id], now, actor, "api", ct);
            await BillOfMaterials.AddSupplierPartsAsync(conn, tx, [(id, next.Parts)], now, actor, "api", ct);
        }
        if (status is not null && status != current.Status)
        {
            await SetStatusAsync(conn, tx, id, status, reason!, actor, now, ct);
            changes.Add(new FieldChange(id, current.Name, "status", current.Status, status));
            changes.Add(new FieldChange(id, current.Name, "statusReason", current.StatusReason, reason));
        }
        await SupplierRegister.AuditAsync(conn, tx, changes, now, actor, "api", ct);
        await tx.CommitAsync(ct);
        return await ReadAsync(id, ct);
    }

    /// <summary>Sets a supplier's status with its reason (terminations use this too, from the approved decision).</summary>
    public static async Task SetStatusAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, string status, string reason, string actor,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            update workflow.suppliers set status = @status, status_reason = @reason, status_changed_at = @now, status_changed_by = @actor, updated_at = @now
             where id = @id
            """, conn, tx);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("status", status);
        cmd.Parameters.AddWithValue("reason", reason);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("actor", actor);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Puts a supplier in or out of a campaign's scope, with the reason (audited).</summary>
    public async Task SetScopeAsync(Guid campaignId, Guid supplierId, bool inScope, string reason, string actor, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        bool before;
        string name;
        await using (var read = new NpgsqlCommand("""
            select cs.in_scope, s.name from workflow.campaign_suppliers cs join workflow.suppliers s on s.id = cs.supplier_id
             where cs.campaign_id = @c and cs.supplier_id = @s for update of cs
            """, conn, tx))
        {
            read.Parameters.AddWithValue("c", campaignId);
            read.Parameters.AddWithValue("s", supplierId);
            await using var r = await read.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) throw new NotFoundException("Supplier in campaign", supplierId);
            before = r.GetBoolean(0);
            name = r.GetString(1);
        }
        await using (var update = new NpgsqlCommand("update workflow.campaign_suppliers set in_scope = @in, scope_reason = @reason where campaign_id = @c and supplier_id = @s", conn, tx))
        {
            update.Parameters.AddWithValue("c", campaignId);
            update.Parameters.AddWithValue("s", supplierId);
            update.Parameters.AddWithValue("in", inScope);
            update.Parameters.AddWithValue("reason", reason);
            await update.ExecuteNonQueryAsync(ct);
        }
        await SupplierRegister.AuditAsync(conn, tx, [
            new FieldChange(supplierId, name, $"inScope (campaign {campaignId})", before ? "yes" : "no", inScope ? "yes" : "no"),
            new FieldChange(supplierId, name, $"scopeReason (campaign {campaignId})", null, reason)], clock.GetUtcNow(), actor, "api", ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Merges <paramref name="sourceId"/> into <paramref name="intoId"/>: the source's contacts become the target's
    /// other contacts, its campaign memberships and cases move, and the source keeps its id (old links still resolve)
    /// marked as merged. Refused when both have a case in the same campaign.
    /// </summary>
    public async Task<SupplierRecord> MergeAsync(Guid sourceId, Guid intoId, string actor, string reason, CancellationToken ct)
    {
        if (sourceId == intoId) throw new SupplierConflictException("A supplier cannot be merged into itself.");
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var source = await LockAsync(conn, tx, sourceId, ct);
        var into = await LockAsync(conn, tx, intoId, ct);
        if (source.MergedInto is not null) throw new SupplierConflictException($"{source.Name} was already merged into another supplier.");
        if (into.MergedInto is not null) throw new SupplierConflictException($"{into.Name} was merged into another supplier; merge into that one.");
        await using (var clash = new NpgsqlCommand("""
            select string_agg(k.name, ', ') from workflow.cases a join workflow.cases b on a.campaign_id = b.campaign_id
              join workflow.campaigns k on k.id = a.campaign_id
             where a.supplier_id = @source and b.supplier_id = @into
            """, conn, tx))
        {
            clash.Parameters.AddWithValue("source", sourceId);
            clash.Parameters.AddWithValue("into", intoId);
            if (await clash.ExecuteScalarAsync(ct) is string campaigns)
                throw new SupplierConflictException($"Both suppliers have a case in {campaigns}; a campaign has one case per supplier, so close or keep those apart first.");
        }
        var now = clock.GetUtcNow();
        var contacts = into.ContactEmails.Concat([source.Email, .. source.ContactEmails])
            .Where(e => !e.Equals(into.Email, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var merged = into with { ContactEmails = contacts, Code = into.Code ?? source.Code, Parts = SupplierFields.AddTo(into.Parts, source.Parts) };
        // The source's code moves with it: free it first, or the unique index sees it twice.
        await using (var retire = new NpgsqlCommand("""
            update workflow.suppliers set merged_into = @into, code = null, status = 'inactive', status_reason = @reason,
                   status_changed_at = @now, status_changed_by = @actor, updated_at = @now where id = @source
            """, conn, tx))
        {
            retire.Parameters.AddWithValue("into", intoId);
            retire.Parameters.AddWithValue("source", sourceId);
            retire.Parameters.AddWithValue("reason", $"merged into {into.Name}: {reason}");
            retire.Parameters.AddWithValue("now", now);
            retire.Parameters.AddWithValue("actor", actor);
            await retire.ExecuteNonQueryAsync(ct);
        }
        await SupplierRegister.UpdateAsync(conn, tx, merged, now, ct);
        await ContactBounces.MoveAsync(conn, tx, sourceId, intoId, ct);
        await using (var move = new NpgsqlCommand("""
            insert into workflow.campaign_suppliers (campaign_id, supplier_id, added_at, in_scope, scope_reason)
            select campaign_id, @into, added_at, in_scope, scope_reason from workflow.campaign_suppliers where supplier_id = @source
            on conflict (campaign_id, supplier_id) do nothing;
            update workflow.cases set supplier_id = @into where supplier_id = @source;
            delete from workflow.campaign_suppliers where supplier_id = @source;
            insert into workflow.product_changes (part_id, at, actor, source, field, old_value, new_value)
            select ps.part_id, @now, @actor, 'merge', 'source', @sourceName, @intoName from workflow.part_sources ps where ps.supplier_id = @source;
            insert into workflow.part_sources (part_id, supplier_id, supplier_part_number, added_at)
            select part_id, @into, supplier_part_number, added_at from workflow.part_sources where supplier_id = @source
            on conflict (part_id, supplier_id) do nothing;
            delete from workflow.part_sources where supplier_id = @source;
            """, conn, tx))
        {
            move.Parameters.AddWithValue("now", now);
            move.Parameters.AddWithValue("actor", actor);
            move.Parameters.AddWithValue("sourceName", source.Name);
            move.Parameters.AddWithValue("intoName", into.Name);
            move.Parameters.AddWithValue("into", intoId);
            move.Parameters.AddWithValue("source", sourceId);
            await move.ExecuteNonQueryAsync(ct);
        }
        var changes = SupplierFields.Compare(into, merged);
        changes.Add(new FieldChange(intoId, into.Name, "merged", null, $"{source.Name} ({source.Email}, {sourceId}): {reason}"));
        changes.Add(new FieldChange(sourceId, source.Name, "mergedInto", null, $"{into.Name} ({intoId}): {reason}"));
        await SupplierRegister.AuditAsync(conn, tx, changes, now, actor, "merge", ct);
        await tx.CommitAsync(ct);
        return await ReadAsync(intoId, ct);
    }

    private static SupplierInput ToInput(SupplierRecord r) => new()
    {
        Code = r.Code, Name = r.Name, Email = r.Email, Country = r.Country, ContactName = r.ContactName, ContactEmails = r.ContactEmails,
        Spend = r.Spend, DeliveryQuantity = r.DeliveryQuantity, Priority = r.Priority, Language = r.Language, Parts = r.Parts,
    };

    private static async Task<SupplierRecord> LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"select {SupplierRegister.SelectColumns} from workflow.suppliers s where s.id = @id for update", conn, tx);
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? SupplierRegister.Read(r) : throw new NotFoundException("Supplier", id);
    }

    private async Task<SupplierRecord> ReadAsync(Guid id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select {SupplierRegister.SelectColumns} from workflow.suppliers s where s.id = @id");
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? SupplierRegister.Read(r) : throw new NotFoundException("Supplier", id);
    }
}

/// <summary>A patch with unknown fields or invalid values; 400 with each.</summary>
public sealed class SupplierPatchException(IReadOnlyList<ImportError> errors) : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}
