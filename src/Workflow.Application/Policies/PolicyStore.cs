using System.Collections.Concurrent;
using Npgsql;
using Workflow.Rules.Policies;

namespace Workflow.Application.Policies;

/// <summary>
/// The policy versions in PostgreSQL, as assessors see them. An activated version never changes (a trigger refuses
/// it), so once resolved it is cached for the life of the process; a name not yet cached is looked up in the database
/// at once, which is how a version activated on one instance is used by every other on its next evaluation.
/// </summary>
public sealed class PolicyStore(NpgsqlDataSource db) : IPolicySource
{
    private const string Columns = "version, status, format, text, extends, sha256, source, created_by, created_at, activated_by, activated_at, reason";
    private readonly ConcurrentDictionary<string, Policy> _resolved = new(StringComparer.Ordinal);

    public Policy? Get(string version)
    {
        if (_resolved.TryGetValue(version, out var cached)) return cached;
        var record = Find(version);
        return record is { IsActive: true } ? Cache(record) : null;
    }

    public IReadOnlyDictionary<string, Policy> Active
    {
        get
        {
            var active = new Dictionary<string, Policy>(StringComparer.Ordinal);
            foreach (var record in List().Where(r => r.IsActive))
                active[record.Version] = _resolved.TryGetValue(record.Version, out var p) ? p : Cache(record);
            return active;
        }
    }

    public PolicyRecord? Find(string version)
    {
        using var cmd = db.CreateCommand($"select {Columns} from workflow.policy_versions where version = @v");
        cmd.Parameters.AddWithValue("v", version);
        using var r = cmd.ExecuteReader();
        return r.Read() ? Read(r) : null;
    }

    public async Task<PolicyRecord?> FindAsync(string version, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select {Columns} from workflow.policy_versions where version = @v");
        cmd.Parameters.AddWithValue("v", version);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Read(r) : null;
    }

    public IReadOnlyList<PolicyRecord> List()
    {
        using var cmd = db.CreateCommand($"select {Columns} from workflow.policy_versions order by version");
        using var r = cmd.ExecuteReader();
        var records = new List<PolicyRecord>();
        while (r.Read()) records.Add(Read(r));
        return records;
    }

    public async Task<IReadOnlyList<PolicyAuditEntry>> HistoryAsync(string version, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select at, actor, action, reason, sha256 from workflow.policy_audit where version = @v order by id");
        cmd.Parameters.AddWithValue("v", version);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var entries = new List<PolicyAuditEntry>();
        while (await r.ReadAsync(ct))
            entries.Add(new PolicyAuditEntry(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)));
        return entries;
    }

    /// <summary>A stored version (active or draft) resolved against its parent: active parents first, then drafts.</summary>
    /// <exception cref="PolicyValidationException">The text no longer resolves (e.g. its draft parent was deleted).</exception>
    public Policy Resolve(PolicyRecord record)
    {
        if (record.IsActive && _resolved.TryGetValue(record.Version, out var cached)) return cached;
        return PolicyTexts.Resolve(record.Version + "." + record.Format, record.Text, record.Source, ParentOf);
    }

    /// <summary>The parent a text extends: an active version, else a draft (a draft may build on a draft).</summary>
    public Policy? ParentOf(string version) =>
        Get(version) ?? (Find(version) is { IsActive: false } draft ? Resolve(draft) : null);

    private Policy Cache(PolicyRecord record)
    {
        var policy = PolicyTexts.Resolve(record.Version + "." + record.Format, record.Text, record.Source, ParentOf);
        // The stored hash is what pins and evaluations recorded; a text that now resolves to other rules means this
        // build reads policies differently from the one that activated it, and must not silently apply other rules.
        if (policy.Sha256 != record.Sha256)
            throw new PolicyNotActiveException($"Policy version '{record.Version}' resolves to SHA-256 {policy.Sha256} in this build, not the "
                + $"{record.Sha256} it was activated with; this build would apply different rules under the same name.");
        return _resolved.GetOrAdd(record.Version, policy);
    }

    private static PolicyRecord Read(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5),
        r.GetString(6), r.GetString(7), r.GetFieldValue<DateTimeOffset>(8), r.IsDBNull(9) ? null : r.GetString(9),
        r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10), r.IsDBNull(11) ? null : r.GetString(11));
}
