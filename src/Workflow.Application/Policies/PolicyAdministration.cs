using Workflow.Application.Campaigns;
using Workflow.Application.Configuration;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Workflow.Application.Cases;
using Workflow.Rules.Policies;

namespace Workflow.Application.Policies;

/// <summary>What came of writing a policy version: the stored record, and whether anything was written.</summary>
public sealed record PolicyWrite(PolicyRecord Record, bool Changed);

/// <summary>
/// What a compliance owner does with policies: save a draft, activate (a text, or a draft by name), delete a draft,
/// re-pin a campaign. Every write is validated first (an invalid text is never stored), audited, and refuses to change
/// an activated version: the same name with other content is a <see cref="PolicyConflictException"/>.
/// </summary>
public sealed class PolicyAdministration(PolicyStore store, IOptions<PolicyOptions> options, NpgsqlDataSource db, TimeProvider clock)
{
    public string Folder => RepositoryPaths.Resolve(options.Value.Folder);

    /// <summary>Validates <paramref name="text"/> (YAML or JSON) against the active versions and activates it.</summary>
    /// <exception cref="PolicyValidationException">With every problem found; nothing is written.</exception>
    /// <exception cref="PolicyConflictException">The version is active with other content.</exception>
    public Task<PolicyWrite> ActivateTextAsync(string text, string actor, string reason, string source, CancellationToken ct)
    {
        var format = PolicyTexts.FormatOf(text);
        var policy = PolicyTexts.Resolve("uploaded." + format, text, source, store.Get);
        return WriteAsync(policy, text, format, activate: true, actor, reason, source, ct);
    }

    /// <summary>Stores a draft (it may extend another draft); a draft of the same name is replaced, an active one is not.</summary>
    public Task<PolicyWrite> SaveDraftAsync(string text, string actor, string reason, string source, CancellationToken ct)
    {
        var format = PolicyTexts.FormatOf(text);
        var policy = PolicyTexts.Resolve("draft." + format, text, source, store.ParentOf);
        return WriteAsync(policy, text, format, activate: false, actor, reason, source, ct);
    }

    /// <summary>Activates a stored draft, resolved against its (now active) parent; an active version is left as it is.</summary>
    public async Task<PolicyWrite> ActivateAsync(string version, string actor, string reason, CancellationToken ct)
    {
        var record = await store.FindAsync(version, ct) ?? throw new NotFoundException("Policy version", version);
        if (record.IsActive) return new PolicyWrite(record, false);
        if (record.Extends is { } parent && parent != version && store.Get(parent) is null)
            throw new PolicyConflictException($"Policy version '{version}' extends '{parent}', which is not active: activate '{parent}' first.");
        var policy = PolicyTexts.Resolve(version + "." + record.Format, record.Text, record.Source, store.Get);
        return await WriteAsync(policy, record.Text, record.Format, activate: true, actor, reason, record.Source, ct);
    }

    /// <summary>Deletes a draft (audited); an active version cannot be deleted.</summary>
    public async Task DeleteDraftAsync(string version, string actor, string reason, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var current = await LockAsync(conn, tx, version, ct) ?? throw new NotFoundException("Policy version", version);
        if (current.Status == PolicyRecord.Active)
            throw new PolicyConflictException($"Policy version '{version}' is active; an activated version is kept for the campaigns and evaluations that name it.");
        await using (var delete = new NpgsqlCommand("delete from workflow.policy_versions where version = @v", conn, tx))
        {
            delete.Parameters.AddWithValue("v", version);
            await delete.ExecuteNonQueryAsync(ct);
        }
        await AuditAsync(conn, tx, version, actor, "draft-deleted", reason, current.Sha256, ct);
        await tx.CommitAsync(ct);
    }

    public async Task RepinAsync(Guid campaignId, string version, string actor, string reason, CancellationToken ct)
    {
        var policy = store.Get(version)
            ?? throw new PolicyNotActiveException($"Policy version '{version}' is not active; active versions: {string.Join(", ", store.Active.Keys.Order())}.");
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        string? previous;
        await using (var read = new NpgsqlCommand("select policy_version from workflow.campaigns where id = @id for update", conn, tx))
        {
            read.Parameters.AddWithValue("id", campaignId);
            previous = await read.ExecuteScalarAsync(ct) as string ?? throw new NotFoundException("Campaign", campaignId);
        }
        await using (var update = new NpgsqlCommand("update workflow.campaigns set policy_version = @v, policy_sha256 = @sha where id = @id", conn, tx))
        {
            update.Parameters.AddWithValue("v", version);
            update.Parameters.AddWithValue("sha", policy.Sha256);
            update.Parameters.AddWithValue("id", campaignId);
            await update.ExecuteNonQueryAsync(ct);
        }
        await CampaignAudit.AppendAsync(conn, tx, campaignId, clock.GetUtcNow(), actor, "policy-repinned", reason,
            new { from = previous, to = version, sha256 = policy.Sha256 }, ct);
        await tx.CommitAsync(ct);
    }

    private sealed record Locked(string Status, string Sha256);

    private async Task<PolicyWrite> WriteAsync(Policy policy, string text, string format, bool activate, string actor, string reason,
        string source, CancellationToken ct)
    {
        var version = policy.Version;
        // Two writers of a new name: the second insert finds the row and goes round again as an update or a conflict.
        for (var attempt = 0; ; attempt++)
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var current = await LockAsync(conn, tx, version, ct);
            if (current is { Status: PolicyRecord.Active })
            {
                if (current.Sha256 == policy.Sha256) return new PolicyWrite((await store.FindAsync(version, ct))!, false);
                throw new PolicyConflictException($"Policy version '{version}' is already active with different content "
                    + $"(SHA-256 {current.Sha256[..12]}…, this text {policy.Sha256[..12]}…). An activated version never changes: "
                    + $"give the edited policy a new version name (it may extend '{version}').");
            }
            if (current is not null && !activate && current.Sha256 == policy.Sha256)
                return new PolicyWrite((await store.FindAsync(version, ct))!, false);

            var now = clock.GetUtcNow();
            await using var write = new NpgsqlCommand(current is null
                ? """
                  insert into workflow.policy_versions (version, status, format, text, extends, resolved, sha256, source,
                      created_by, created_at, activated_by, activated_at, reason)
                  values (@v, @status, @format, @text, @extends, @resolved, @sha, @source, @actor, @now, @by, @at, @reason)
                  on conflict (version) do nothing
                  """
                : """
                  update workflow.policy_versions set status = @status, format = @format, text = @text, extends = @extends,
                      resolved = @resolved, sha256 = @sha, source = @source, activated_by = @by, activated_at = @at, reason = @reason
                   where version = @v
                  """, conn, tx);
            write.Parameters.AddWithValue("v", version);
            write.Parameters.AddWithValue("status", activate ? PolicyRecord.Active : PolicyRecord.Draft);
            write.Parameters.AddWithValue("format", format);
            write.Parameters.AddWithValue("text", text);
            write.Parameters.AddWithValue("extends", (object?)policy.Extends ?? DBNull.Value);
            write.Parameters.AddWithValue("resolved", NpgsqlDbType.Jsonb, Encoding.UTF8.GetString(PolicyFingerprint.CanonicalJson(policy)));
            write.Parameters.AddWithValue("sha", policy.Sha256);
            write.Parameters.AddWithValue("source", source);
            write.Parameters.AddWithValue("actor", actor);
            write.Parameters.AddWithValue("now", now);
            write.Parameters.AddWithValue("by", activate ? actor : DBNull.Value);
            write.Parameters.AddWithValue("at", activate ? now : DBNull.Value);
            write.Parameters.AddWithValue("reason", reason);
            if (await write.ExecuteNonQueryAsync(ct) == 0 && attempt < 3) continue;
            var action = activate ? "activated" : current is null ? "draft-saved" : "draft-updated";
            await AuditAsync(conn, tx, version, actor, action, reason, policy.Sha256, ct);
            await tx.CommitAsync(ct);
            return new PolicyWrite((await store.FindAsync(version, ct))!, true);
        }
    }

    private static async Task<Locked?> LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string version, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select status, sha256 from workflow.policy_versions where version = @v for update", conn, tx);
        cmd.Parameters.AddWithValue("v", version);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new Locked(r.GetString(0), r.GetString(1)) : null;
    }

    private async Task AuditAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string version, string actor, string action, string reason,
        string sha256, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into workflow.policy_audit (version, at, actor, action, reason, sha256) values (@v, @at, @actor, @action, @reason, @sha)
            """, conn, tx);
        cmd.Parameters.AddWithValue("v", version);
        cmd.Parameters.AddWithValue("at", clock.GetUtcNow());
        cmd.Parameters.AddWithValue("actor", actor);
        cmd.Parameters.AddWithValue("action", action);
        cmd.Parameters.AddWithValue("reason", reason);
        cmd.Parameters.AddWithValue("sha", sha256);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
