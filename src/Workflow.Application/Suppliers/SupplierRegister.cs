using Npgsql;
using NpgsqlTypes;
using Workflow.Application.Bounces;
using Workflow.Application.Cases;
using Workflow.Application.Products;

namespace Workflow.Application.Suppliers;

/// <summary>What an import would do (dry run) or did: suppliers added, fields changed, rows that changed nothing.</summary>
public sealed record ImportPlan(IReadOnlyList<SupplierInput> Added, IReadOnlyList<FieldChange> Changed, int Unchanged, IReadOnlyList<string> Warnings);

/// <summary>
/// A real import's answer: <c>Imported</c> counts suppliers newly in the campaign (or new to the register for a
/// register import), <c>Updated</c> those whose fields changed, <c>Skipped</c> rows that added nothing new.
/// </summary>
public sealed record ImportResult(int Imported, int Updated, int Skipped, IReadOnlyList<ImportError> Errors, IReadOnlyList<string> Warnings,
    IReadOnlyList<FieldChange> Changes, Guid? ImportId = null);

/// <summary>
/// The supplier register: one record per supplier, found again by the company's supplier code (else the e-mail),
/// updated (never duplicated) by imports, with every change audited (old → new, who, when, from which import).
/// </summary>
public sealed class SupplierRegister(NpgsqlDataSource db, TimeProvider clock)
{
    private const string Columns = """
        s.id, s.code, s.name, s.email, s.contact_emails, s.contact_name, s.country, s.spend, s.delivery_qty, s.priority,
        array(select pa.part_number from workflow.part_sources ps join workflow.parts pa on pa.id = ps.part_id
               where ps.supplier_id = s.id order by lower(pa.part_number)),
        s.language, s.status, s.status_reason, s.status_changed_at, s.status_changed_by, s.merged_into
        """;

    /// <summary>
    /// Imports <paramref name="rows"/> into the register and, with <paramref name="campaignId"/>, into that campaign.
    /// All or nothing: any invalid row and nothing is written. <paramref name="dryRun"/> plans without writing.
    /// </summary>
    public async Task<(ImportPlan Plan, ImportResult Result)> ImportAsync(Guid? campaignId, IReadOnlyList<(int Row, SupplierInput Input)> rows,
        string actor, bool dryRun, CancellationToken ct)
    {
        var errors = rows.SelectMany(r => SupplierValidation.Validate(r.Row, r.Input)).ToList();
        if (errors.Count > 0) return (new ImportPlan([], [], 0, []), new ImportResult(0, 0, 0, errors, [], []));

        var importId = Guid.CreateVersion7();
        var source = $"import {importId}";
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // Two imports at once would both decide a new supplier is new; reading the register stays free.
        await using (var lockCmd = new NpgsqlCommand("lock table workflow.suppliers in share row exclusive mode", conn, tx))
            await lockCmd.ExecuteNonQueryAsync(ct);

        var existing = new RegisterIndex(await MatchingAsync(conn, tx, rows.Select(r => r.Input).ToList(), ct));
        var matched = new List<(SupplierInput Input, SupplierRecord? Current, int Row)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var duplicates = 0;
        foreach (var (row, input) in rows)
        {
            var current = existing.Match(input, row, errors);
            var key = current is not null ? current.Id.ToString() : KeyOf(input);
            if (!seen.Add(key)) { duplicates++; continue; }
            matched.Add((input, current, row));
        }
        if (errors.Count > 0) return (new ImportPlan([], [], 0, []), new ImportResult(0, 0, 0, errors, [], []));

        var added = matched.Where(m => m.Current is null).Select(m => m.Input).ToList();
        var edits = matched.Where(m => m.Current is not null)
            .Select(m => (Before: m.Current!, After: SupplierFields.Merge(m.Current!, m.Input)))
            .Select(e => (e.After, Changes: SupplierFields.Compare(e.Before, e.After)))
            .Where(e => e.Changes.Count > 0).ToList();
        var changes = edits.SelectMany(e => e.Changes).ToList();
        var warnings = new List<string>();
        foreach (var (input, current, _) in matched)
        {
            if (current is null || campaignId is null) continue;
            if (current.Status == SupplierStatuses.Terminated)
                warnings.Add($"{current.Name} was terminated ({current.StatusReason}; {current.StatusChangedBy}, {current.StatusChangedAt:yyyy-MM-dd}). "
                    + "It is in this campaign now: put it out of scope if it should not be surveyed.");
            else if (current.Status == SupplierStatuses.Inactive)
                warnings.Add($"{current.Name} is inactive in the register and will not be surveyed unless reactivated.");
        }
        var plan = new ImportPlan(added, changes, matched.Count - added.Count - edits.Count, warnings);
        if (dryRun) return (plan, new ImportResult(0, 0, 0, [], warnings, changes));

        var now = clock.GetUtcNow();
        var newIds = await InsertAsync(conn, tx, added, now, ct);
        foreach (var (after, _) in edits) await UpdateAsync(conn, tx, after, now, ct);
        var updated = edits.Count;
        await AuditAsync(conn, tx, changes, now, actor, source, ct);
        await ContactBounces.ResolveRemovedAsync(conn, tx, edits.Select(e => e.After.Id).ToList(), now, actor, source, ct);
        // The bill of materials supersedes the free parts list: parts a row names become part sources of that supplier.
        await BillOfMaterials.AddSupplierPartsAsync(conn, tx,
            matched.Where(m => m.Input.Parts is { Count: > 0 }).Select(m => (m.Current?.Id ?? newIds[m.Input], m.Input.Parts!)), now, actor, source, ct);

        int imported;
        if (campaignId is { } campaign)
        {
            var ids = matched.Select(m => m.Current?.Id ?? newIds[m.Input]).ToList();
            var scopes = matched.Select(m => m.Input.InScope).ToList();
            var reasons = matched.Select(m => m.Input.ScopeReason).ToList();
            imported = await LinkAsync(conn, tx, campaign, ids, scopes, reasons, now, actor, source, ct);
        }
        else imported = added.Count;
        await tx.CommitAsync(ct);
        var skipped = rows.Count - imported;
        return (plan, new ImportResult(imported, updated, Math.Max(0, skipped - (campaignId is null ? updated : 0)), [], warnings, changes, importId));
    }

    private static string KeyOf(SupplierInput input) =>
        input.Code is { Length: > 0 } code ? "code:" + code.Trim().ToLowerInvariant() : "email:" + input.Email!.Trim().ToLowerInvariant();

    private static async Task<IReadOnlyList<SupplierRecord>> MatchingAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<SupplierInput> inputs,
        CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select {Columns} from workflow.suppliers s
             where s.merged_into is null and (lower(s.code) = any(@codes) or lower(s.email) = any(@emails))
            """, conn, tx);
        cmd.Parameters.AddWithValue("codes", inputs.Where(i => i.Code is { Length: > 0 }).Select(i => i.Code!.Trim().ToLowerInvariant()).Distinct().ToArray());
        cmd.Parameters.AddWithValue("emails", inputs.Select(i => i.Email!.Trim().ToLowerInvariant()).Distinct().ToArray());
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<SupplierRecord>();
        while (await r.ReadAsync(ct)) list.Add(Read(r));
        return list;
    }

    private const char ListSeparator = '\u001f';

    private static async Task<Dictionary<SupplierInput, Guid>> InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<SupplierInput> added,
        DateTimeOffset now, CancellationToken ct)
    {
        // By reference: two rows may be equal records, and each added row is its own supplier.
        var ids = new Dictionary<SupplierInput, Guid>(ReferenceEqualityComparer.Instance);
        foreach (var a in added) ids[a] = Guid.CreateVersion7();
        if (added.Count == 0) return ids;
        // unnest cannot carry arrays of arrays: lists travel joined by a unit separator and are split in SQL.
        await using var insert = new NpgsqlCommand("""
            insert into workflow.suppliers (id, code, name, email, contact_emails, contact_name, country, spend, delivery_qty, priority,
                                            in_scope, language, created_at, updated_at)
            select t.id, t.code, t.name, t.email, coalesce(string_to_array(t.contacts, @sep), '{}'), t.contact_name, t.country, t.spend, t.qty,
                   t.priority, true, t.language, @now, @now
              from unnest(@ids, @codes, @names, @emails, @contacts, @contactNames, @countries, @spends, @qtys, @priorities, @languages)
                   as t(id, code, name, email, contacts, contact_name, country, spend, qty, priority, language)
            """, conn, tx);
        insert.Parameters.AddWithValue("sep", ListSeparator.ToString());
        insert.Parameters.AddWithValue("now", now);
        insert.Parameters.AddWithValue("ids", added.Select(a => ids[a]).ToArray());
        insert.Parameters.AddWithValue("codes", NpgsqlDbType.Array | NpgsqlDbType.Text, added.Select(a => (object?)Blank(a.Code) ?? DBNull.Value).ToArray());
        insert.Parameters.AddWithValue("names", added.Select(a => a.Name!.Trim()).ToArray());
        insert.Parameters.AddWithValue("emails", added.Select(a => a.Email!.Trim()).ToArray());
        insert.Parameters.AddWithValue("contacts", NpgsqlDbType.Array | NpgsqlDbType.Text, added.Select(a => (object?)JoinList(a.ContactEmails) ?? DBNull.Value).ToArray());
        insert.Parameters.AddWithValue("contactNames", NpgsqlDbType.Array | NpgsqlDbType.Text, added.Select(a => (object?)Blank(a.ContactName) ?? DBNull.Value).ToArray());
        insert.Parameters.AddWithValue("countries", NpgsqlDbType.Array | NpgsqlDbType.Text, added.Select(a => (object?)Blank(a.Country) ?? DBNull.Value).ToArray());
        insert.Parameters.AddWithValue("spends", NpgsqlDbType.Array | NpgsqlDbType.Numeric, added.Select(a => (object?)a.Spend ?? DBNull.Value).ToArray());
        insert.Parameters.AddWithValue("qtys", NpgsqlDbType.Array | NpgsqlDbType.Numeric, added.Select(a => (object?)a.DeliveryQuantity ?? DBNull.Value).ToArray());
        insert.Parameters.AddWithValue("priorities", NpgsqlDbType.Array | NpgsqlDbType.Integer, added.Select(a => (object?)a.Priority ?? DBNull.Value).ToArray());
        insert.Parameters.AddWithValue("languages", added.Select(a => SupplierLanguages.Normalise(a.Language) ?? SupplierLanguages.Default).ToArray());
        await insert.ExecuteNonQueryAsync(ct);
        return ids;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? JoinList(IReadOnlyList<string>? values)
    {
        var kept = (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return kept.Count == 0 ? null : string.Join(ListSeparator, kept);
    }

    internal static async Task UpdateAsync(NpgsqlConnection conn, NpgsqlTransaction tx, SupplierRecord r, DateTimeOffset now, CancellationToken ct)
    {
        await using var update = new NpgsqlCommand("""
            update workflow.suppliers set code = @code, name = @name, email = @email, contact_emails = @contacts, contact_name = @contactName,
                   country = @country, spend = @spend, delivery_qty = @qty, priority = @priority, language = @language, updated_at = @now
             where id = @id
            """, conn, tx);
        update.Parameters.AddWithValue("id", r.Id);
        update.Parameters.AddWithValue("code", (object?)r.Code ?? DBNull.Value);
        update.Parameters.AddWithValue("name", r.Name);
        update.Parameters.AddWithValue("email", r.Email);
        update.Parameters.AddWithValue("contacts", r.ContactEmails.ToArray());
        update.Parameters.AddWithValue("contactName", (object?)r.ContactName ?? DBNull.Value);
        update.Parameters.AddWithValue("country", (object?)r.Country ?? DBNull.Value);
        update.Parameters.AddWithValue("spend", NpgsqlDbType.Numeric, (object?)r.Spend ?? DBNull.Value);
        update.Parameters.AddWithValue("qty", NpgsqlDbType.Numeric, (object?)r.DeliveryQuantity ?? DBNull.Value);
        update.Parameters.AddWithValue("priority", NpgsqlDbType.Integer, (object?)r.Priority ?? DBNull.Value);
        update.Parameters.AddWithValue("language", SupplierLanguages.Normalise(r.Language) ?? r.Language);
        update.Parameters.AddWithValue("now", now);
        try
        {
            await update.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new SupplierConflictException(e.ConstraintName == "suppliers_code_key"
                ? $"Another supplier already has the code '{r.Code}'; merge the two records instead."
                : $"Another supplier without a code already has the e-mail {r.Email}; merge the two records, or give each its supplier code.");
        }
    }

    internal static async Task AuditAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<FieldChange> changes, DateTimeOffset now,
        string actor, string source, CancellationToken ct)
    {
        if (changes.Count == 0) return;
        await using var insert = new NpgsqlCommand("""
            insert into workflow.supplier_changes (supplier_id, at, actor, source, field, old_value, new_value)
            select u.supplier_id, @now, @actor, @source, u.field, u.old_value, u.new_value
              from unnest(@ids, @fields, @olds, @news) as u(supplier_id, field, old_value, new_value)
            """, conn, tx);
        insert.Parameters.AddWithValue("now", now);
        insert.Parameters.AddWithValue("actor", actor);
        insert.Parameters.AddWithValue("source", source);
        insert.Parameters.AddWithValue("ids", changes.Select(c => c.SupplierId).ToArray());
        insert.Parameters.AddWithValue("fields", changes.Select(c => c.Field).ToArray());
        insert.Parameters.AddWithValue("olds", NpgsqlDbType.Array | NpgsqlDbType.Text, changes.Select(c => (object?)c.From ?? DBNull.Value).ToArray());
        insert.Parameters.AddWithValue("news", NpgsqlDbType.Array | NpgsqlDbType.Text, changes.Select(c => (object?)c.To ?? DBNull.Value).ToArray());
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Adds the suppliers to the campaign; a row that says in or out of scope sets it (audited when it changes).</summary>
    private static async Task<int> LinkAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid campaignId, IReadOnlyList<Guid> ids,
        IReadOnlyList<bool?> scopes, IReadOnlyList<string?> reasons, DateTimeOffset now, string actor, string source, CancellationToken ct)
    {
        // Scope changes of suppliers already in the campaign, for the audit, before they are overwritten.
        var scopeChanges = new List<FieldChange>();
        await using (var before = new NpgsqlCommand("""
            select cs.supplier_id, s.name, cs.in_scope, u.in_scope
              from unnest(@ids, @scopes) as u(supplier_id, in_scope)
              join workflow.campaign_suppliers cs on cs.campaign_id = @campaign and cs.supplier_id = u.supplier_id
              join workflow.suppliers s on s.id = cs.supplier_id
             where u.in_scope is not null and u.in_scope <> cs.in_scope
            """, conn, tx))
        {
            before.Parameters.AddWithValue("campaign", campaignId);
            before.Parameters.AddWithValue("ids", ids.ToArray());
            before.Parameters.AddWithValue("scopes", NpgsqlDbType.Array | NpgsqlDbType.Boolean, scopes.Select(s => (object?)s ?? DBNull.Value).ToArray());
            await using var r = await before.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                scopeChanges.Add(new FieldChange(r.GetGuid(0), r.GetString(1), $"inScope (campaign {campaignId})", Yes(r.GetBoolean(2)), Yes(r.GetBoolean(3))));
        }
        int linked;
        await using (var link = new NpgsqlCommand("""
            insert into workflow.campaign_suppliers (campaign_id, supplier_id, added_at, in_scope, scope_reason)
            select @campaign, u.supplier_id, @now, coalesce(u.in_scope, true), u.reason
              from unnest(@ids, @scopes, @reasons) as u(supplier_id, in_scope, reason)
            on conflict (campaign_id, supplier_id) do nothing
            """, conn, tx))
        {
            link.Parameters.AddWithValue("campaign", campaignId);
            link.Parameters.AddWithValue("now", now);
            link.Parameters.AddWithValue("ids", ids.ToArray());
            link.Parameters.AddWithValue("scopes", NpgsqlDbType.Array | NpgsqlDbType.Boolean, scopes.Select(s => (object?)s ?? DBNull.Value).ToArray());
            link.Parameters.AddWithValue("reasons", NpgsqlDbType.Array | NpgsqlDbType.Text, reasons.Select(s => (object?)Blank(s) ?? DBNull.Value).ToArray());
            linked = await link.ExecuteNonQueryAsync(ct);
        }
        await using (var rescope = new NpgsqlCommand("""
            update workflow.campaign_suppliers cs set in_scope = coalesce(u.in_scope, cs.in_scope), scope_reason = coalesce(u.reason, cs.scope_reason)
              from unnest(@ids, @scopes, @reasons) as u(supplier_id, in_scope, reason)
             where cs.campaign_id = @campaign and cs.supplier_id = u.supplier_id and (u.in_scope is not null or u.reason is not null)
            """, conn, tx))
        {
            rescope.Parameters.AddWithValue("campaign", campaignId);
            rescope.Parameters.AddWithValue("ids", ids.ToArray());
            rescope.Parameters.AddWithValue("scopes", NpgsqlDbType.Array | NpgsqlDbType.Boolean, scopes.Select(s => (object?)s ?? DBNull.Value).ToArray());
            rescope.Parameters.AddWithValue("reasons", NpgsqlDbType.Array | NpgsqlDbType.Text, reasons.Select(s => (object?)Blank(s) ?? DBNull.Value).ToArray());
            await rescope.ExecuteNonQueryAsync(ct);
        }
        await AuditAsync(conn, tx, scopeChanges, now, actor, source, ct);
        return linked;
    }

    private static string Yes(bool value) => value ? "yes" : "no";

    internal static SupplierRecord Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<string[]>(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetDecimal(7),
        r.IsDBNull(8) ? null : r.GetDecimal(8), r.IsDBNull(9) ? null : r.GetInt32(9), r.GetFieldValue<string[]>(10), r.GetString(11),
        r.GetString(12), r.IsDBNull(13) ? null : r.GetString(13), r.IsDBNull(14) ? null : r.GetFieldValue<DateTimeOffset>(14),
        r.IsDBNull(15) ? null : r.GetString(15), r.IsDBNull(16) ? null : r.GetGuid(16));

    internal static string SelectColumns => Columns;
}

/// <summary>A change that would give two suppliers the same key; 409.</summary>
public sealed class SupplierConflictException(string message) : InvalidOperationException(message);

/// <summary>
/// The register records an import's rows may name, indexed by code and by e-mail, so matching 10,000 rows is a lookup
/// each rather than a scan of every record.
/// </summary>
internal sealed class RegisterIndex(IReadOnlyList<SupplierRecord> existing)
{
    private readonly Dictionary<string, SupplierRecord> _byCode = existing.Where(s => s.Code is not null)
        .ToDictionary(s => s.Code!, StringComparer.OrdinalIgnoreCase);
    private readonly ILookup<string, SupplierRecord> _byEmail = existing.ToLookup(s => s.Email, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The register's record for a row: by code; a code not yet known adopts the code-less record with the row's
    /// e-mail; a row without a code finds the code-less record with its e-mail, else the only coded one.
    /// </summary>
    public SupplierRecord? Match(SupplierInput input, int row, List<ImportError> errors)
    {
        var email = input.Email!.Trim();
        var uncoded = _byEmail[email].FirstOrDefault(s => s.Code is null);
        if (input.Code is { Length: > 0 } code)
            return _byCode.GetValueOrDefault(code.Trim()) ?? uncoded;
        if (uncoded is not null) return uncoded;
        var coded = _byEmail[email].Where(s => s.Code is not null).ToList();
        if (coded.Count > 1)
            errors.Add(new ImportError(row, "code", $"{email} is the e-mail of {coded.Count} suppliers ({string.Join(", ", coded.Select(c => c.Code))}); give the supplier code to say which."));
        return coded.Count == 1 ? coded[0] : null;
    }
}
