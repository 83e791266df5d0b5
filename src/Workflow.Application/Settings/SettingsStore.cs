using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace Workflow.Application.Settings;

/// <summary>What the database holds: a text per setting (absent = never set or cleared), and the logo's description.</summary>
public sealed record StoredSettings(IReadOnlyDictionary<string, string> Values, LogoInfo? Logo)
{
    public string? this[SettingField field] => Values.TryGetValue(field.StorageKey, out var v) ? v : null;
}

/// <summary>The stored logo without its bytes: enough to say whether there is one, and which.</summary>
public sealed record LogoInfo(string ContentType, int SizeBytes, string Sha256);

public sealed record Logo(string ContentType, byte[] Data);

/// <summary>One recorded change: who set which field from what to what (a logo by its SHA-256).</summary>
public sealed record SettingChange(DateTimeOffset At, string Actor, string Field, string? OldValue, string? NewValue);

/// <summary>
/// The settings rows and their change history. Nothing is cached: each use reads the database, so every instance on
/// it sees a saved change with the next request.
/// </summary>
public sealed class SettingsStore(NpgsqlDataSource db, TimeProvider clock)
{
    public async Task<StoredSettings> LoadAsync(CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("select key, value, octet_length(data), encode(sha256(data), 'hex') from workflow.settings");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        LogoInfo? logo = null;
        while (await r.ReadAsync(ct))
        {
            var key = r.GetString(0);
            if (key == SettingFields.LogoKey)
            {
                if (!r.IsDBNull(2)) logo = new LogoInfo(r.GetString(1), r.GetInt32(2), r.GetString(3));
            }
            else if (!r.IsDBNull(1)) values[key] = r.GetString(1);
        }
        return new StoredSettings(values, logo);
    }

    public async Task<Logo?> LogoAsync(CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("select value, data from workflow.settings where key = @key and data is not null");
        cmd.Parameters.AddWithValue("key", SettingFields.LogoKey);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new Logo(r.GetString(0), r.GetFieldValue<byte[]>(1)) : null;
    }

    /// <summary>
    /// Writes the given values (null clears) and, when <paramref name="logoGiven"/>, the logo (null removes it); each
    /// real change gets a history row with <paramref name="actor"/>. Answers the fields that changed.
    /// </summary>
    public async Task<IReadOnlyList<string>> SaveAsync(IReadOnlyDictionary<string, string?> values, bool logoGiven, Logo? logo, string actor,
        CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // One writer at a time, so two saves cannot both record the same old value.
        await using (var lockCmd = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended('workflow.settings', 0))", conn, tx))
            await lockCmd.ExecuteNonQueryAsync(ct);

        var old = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? oldLogo = null;
        await using (var read = new NpgsqlCommand("select key, value, encode(sha256(data), 'hex') from workflow.settings", conn, tx))
        await using (var r = await read.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                if (r.GetString(0) == SettingFields.LogoKey) oldLogo = r.IsDBNull(2) ? null : $"{r.GetString(1)} sha256:{r.GetString(2)}";
                else old[r.GetString(0)] = r.IsDBNull(1) ? null : r.GetString(1);
            }

        var changed = new List<string>();
        foreach (var (key, value) in values)
        {
            var before = old.GetValueOrDefault(key);
            if (before == value) continue;
            await WriteAsync(conn, tx, key, value, null, now, actor, ct);
            await HistoryAsync(conn, tx, now, actor, key, before, value, ct);
            changed.Add(key);
        }
        if (logoGiven)
        {
            var after = logo is null ? null : $"{logo.ContentType} sha256:{Convert.ToHexStringLower(SHA256.HashData(logo.Data))}";
            if (after != oldLogo)
            {
                await WriteAsync(conn, tx, SettingFields.LogoKey, logo?.ContentType, logo?.Data, now, actor, ct);
                await HistoryAsync(conn, tx, now, actor, SettingFields.LogoKey, oldLogo, after, ct);
                changed.Add(SettingFields.LogoKey);
            }
        }
        await tx.CommitAsync(ct);
        return changed;
    }

    public async Task<IReadOnlyList<SettingChange>> HistoryAsync(int limit = 200, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("select at, actor, field, old_value, new_value from workflow.settings_history order by id desc limit @limit");
        cmd.Parameters.AddWithValue("limit", limit);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<SettingChange>();
        while (await r.ReadAsync(ct))
            list.Add(new SettingChange(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
        return list;
    }

    private static async Task WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string key, string? value, byte[]? data,
        DateTimeOffset now, string actor, CancellationToken ct)
    {
        await using var cmd = value is null
            ? new NpgsqlCommand("delete from workflow.settings where key = @key", conn, tx)
            : new NpgsqlCommand("""
                insert into workflow.settings (key, value, data, updated_at, updated_by) values (@key, @value, @data, @at, @by)
                on conflict (key) do update set value = excluded.value, data = excluded.data, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """, conn, tx);
        cmd.Parameters.AddWithValue("key", key);
        if (value is not null)
        {
            cmd.Parameters.AddWithValue("value", value);
            cmd.Parameters.AddWithValue("data", NpgsqlDbType.Bytea, (object?)data ?? DBNull.Value);
            cmd.Parameters.AddWithValue("at", now);
            cmd.Parameters.AddWithValue("by", actor);
        }
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task HistoryAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DateTimeOffset at, string actor, string field,
        string? before, string? after, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into workflow.settings_history (at, actor, field, old_value, new_value) values (@at, @actor, @field, @old, @new)
            """, conn, tx);
        cmd.Parameters.AddWithValue("at", at);
        cmd.Parameters.AddWithValue("actor", actor);
        cmd.Parameters.AddWithValue("field", field);
        cmd.Parameters.AddWithValue("old", NpgsqlDbType.Text, (object?)before ?? DBNull.Value);
        cmd.Parameters.AddWithValue("new", NpgsqlDbType.Text, (object?)after ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
