using Npgsql;

namespace Workflow.Application.Grievances;

/// <summary>
/// What an investigator types into the concern page's link form, as the supplier or case it names: a supplier by its
/// register name or identifier, a case by its reference (C-000123) or identifier. Null when nothing, or more than one
/// supplier of that name, matches: the page says so rather than guess.
/// </summary>
public sealed class ConcernLinkTargets(NpgsqlDataSource db)
{
    public Task<Guid?> SupplierAsync(string text, CancellationToken ct) =>
        FindAsync(text, "select id from workflow.suppliers where id::text = @t or lower(name) = lower(@t) limit 2", ct);

    public Task<Guid?> CaseAsync(string text, CancellationToken ct) =>
        FindAsync(text, "select id from workflow.cases where id::text = @t or upper(reference) = upper(@t) limit 2", ct);

    private async Task<Guid?> FindAsync(string text, string sql, CancellationToken ct)
    {
        var t = text.Trim();
        if (t.Length == 0) return null;
        if (Guid.TryParse(t, out var g)) t = g.ToString();
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.AddWithValue("t", t);
        var found = new List<Guid>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) found.Add(r.GetGuid(0));
        return found.Count == 1 ? found[0] : null;
    }
}
