using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;

namespace Workflow.Application.Reference;

public sealed record ReferenceListInfo(int Id, string Version, string Source, DateTimeOffset ImportedAt, string ImportedBy, int EntryCount);

/// <summary>
/// Smelter reference lists in the database. The newest import is the active one; older imports stay so every past
/// evaluation can be explained by the list version it names.
/// </summary>
public sealed class ReferenceListStore(NpgsqlDataSource db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lock _gate = new();
    private (int Id, SmelterReferenceList List, DateTimeOffset CheckedAt)? _active;

    /// <summary>How long an instance trusts its cached active list before asking the database for a newer import.</summary>
    public static readonly TimeSpan Revalidate = TimeSpan.FromSeconds(15);

    public async Task<ReferenceListInfo> ImportAsync(SmelterReferenceList list, string source, string actor, CancellationToken ct)
    {
        if (list.Count == 0) throw new ArgumentException("The reference list has no smelters.", nameof(list));
        var entries = list.All.Select(e => new StoredEntry(e.Cid, e.Metal.ToString(), e.StandardName, e.Country, e.StateProvince, e.V2Id, e.Aliases, e.AuditStatus)).ToList();
        await using var cmd = db.CreateCommand("""
            insert into workflow.reference_lists (version, source, imported_at, imported_by, entry_count, entries)
            values (@version, @source, @at, @by, @count, @entries)
            returning id, imported_at
            """);
        cmd.Parameters.AddWithValue("version", list.Version);
        cmd.Parameters.AddWithValue("source", source);
        cmd.Parameters.AddWithValue("at", clock.GetUtcNow());
        cmd.Parameters.AddWithValue("by", actor);
        cmd.Parameters.AddWithValue("count", list.Count);
        cmd.Parameters.AddWithValue("entries", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(entries, Json));
        try
        {
            await using var r = await cmd.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            var info = new ReferenceListInfo(r.GetInt32(0), list.Version, source, r.GetFieldValue<DateTimeOffset>(1), actor, list.Count);
            lock (_gate) _active = (info.Id, list, clock.GetUtcNow());
            return info;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException($"A reference list with version '{list.Version}' was already imported; give the import a new version.");
        }
    }

    public async Task<IReadOnlyList<ReferenceListInfo>> ListAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select id, version, source, imported_at, imported_by, entry_count from workflow.reference_lists order by id desc");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<ReferenceListInfo>();
        while (await r.ReadAsync(ct))
            list.Add(new ReferenceListInfo(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.GetString(4), r.GetInt32(5)));
        return list;
    }

    /// <summary>The newest imported list, or <see cref="SmelterReferenceList.Empty"/> when none was imported.</summary>
    public SmelterReferenceList Active()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
            if (_active is { } cached && now - cached.CheckedAt < Revalidate) return cached.List;

        using var conn = db.OpenConnection();
        using var latest = new NpgsqlCommand("select id from workflow.reference_lists order by id desc limit 1", conn);
        var id = latest.ExecuteScalar() as int?;
        if (id is null) return SmelterReferenceList.Empty;
        lock (_gate)
            if (_active is { } cached && cached.Id == id)
            {
                _active = cached with { CheckedAt = now };
                return cached.List;
            }

        using var load = new NpgsqlCommand("select version, entries from workflow.reference_lists where id = @id", conn);
        load.Parameters.AddWithValue("id", id.Value);
        using var r = load.ExecuteReader();
        r.Read();
        var list = ToList(r.GetString(0), r.GetString(1));
        lock (_gate) _active = (id.Value, list, now);
        return list;
    }

    /// <summary>An imported list by its version (e.g. to re-evaluate under an older one); null when none has it.</summary>
    public async Task<SmelterReferenceList?> FindAsync(string version, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select version, entries from workflow.reference_lists where version = @v");
        cmd.Parameters.AddWithValue("v", version);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ToList(r.GetString(0), r.GetString(1)) : null;
    }

    private static SmelterReferenceList ToList(string version, string entriesJson)
    {
        var entries = JsonSerializer.Deserialize<List<StoredEntry>>(entriesJson, Json) ?? [];
        return new SmelterReferenceList(version, entries.Select(e => new SmelterReference(
            e.Cid, Enum.Parse<Metal>(e.Metal), e.StandardName, e.Country, e.StateProvince, e.V2Id, e.Aliases, e.AuditStatus)));
    }

    private sealed record StoredEntry(string Cid, string Metal, string StandardName, string Country, string? StateProvince,
        string? V2Id, IReadOnlyList<string>? Aliases, string? AuditStatus);
}
