using Workflow.Application.Configuration;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Workflow.Application.Cases;
using Workflow.Rules.Policies;

namespace Workflow.Application.Policies;

/// <summary>
/// What a compliance owner does with policies through the API: upload a version (validated before it is written,
/// so an invalid file never reaches the folder), reload, and re-pin a campaign (audited).
/// </summary>
public sealed class PolicyAdministration(PolicyCatalog catalog, IOptions<PolicyOptions> options, NpgsqlDataSource db, TimeProvider clock)
{
    public string Folder => RepositoryPaths.Resolve(options.Value.Folder);

    /// <summary>Validates <paramref name="text"/> (YAML or JSON) against the active set, writes it as <c>version.yaml</c>, reloads.</summary>
    /// <exception cref="PolicyValidationException">With every problem found; nothing is written.</exception>
    public Policy Save(string text, string format)
    {
        var extension = format == "json" ? ".json" : ".yaml";
        var policy = PolicyLoader.LoadText("uploaded" + extension, text, catalog.Active.Values);
        if (policy.Version == PolicyLoader.DefaultVersion)
            throw new PolicyValidationException([new PolicyError("uploaded" + extension, "version", "'default' is built in; give the new policy its own version and let it extend default.")]);
        Directory.CreateDirectory(Folder);
        foreach (var other in PolicyLoader.Extensions.Where(e => e != extension))
            File.Delete(Path.Combine(Folder, policy.Version + other));
        var path = Path.Combine(Folder, policy.Version + extension);
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
        var errors = catalog.Reload();
        if (errors.Count > 0) throw new PolicyValidationException(errors);
        return catalog.Get(policy.Version) ?? policy;
    }

    public async Task RepinAsync(Guid campaignId, string version, string actor, string reason, CancellationToken ct)
    {
        if (catalog.Get(version) is null)
            throw new PolicyNotActiveException($"Policy version '{version}' is not active; active versions: {string.Join(", ", catalog.Active.Keys.Order())}.");
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        string? previous;
        await using (var read = new NpgsqlCommand("select policy_version from workflow.campaigns where id = @id for update", conn, tx))
        {
            read.Parameters.AddWithValue("id", campaignId);
            previous = await read.ExecuteScalarAsync(ct) as string ?? throw new NotFoundException("Campaign", campaignId);
        }
        await using (var update = new NpgsqlCommand("update workflow.campaigns set policy_version = @v where id = @id", conn, tx))
        {
            update.Parameters.AddWithValue("v", version);
            update.Parameters.AddWithValue("id", campaignId);
            await update.ExecuteNonQueryAsync(ct);
        }
        await CampaignAudit.AppendAsync(conn, tx, campaignId, clock.GetUtcNow(), actor, "policy-repinned", reason,
            new { from = previous, to = version }, ct);
        await tx.CommitAsync(ct);
    }
}

public static class CampaignAudit
{
    public static async Task AppendAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid campaignId, DateTimeOffset at,
        string actor, string action, string reason, object? detail, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into workflow.campaign_audit (campaign_id, at, actor, action, reason, detail)
            values (@c, @at, @actor, @action, @reason, @detail)
            """, conn, tx);
        cmd.Parameters.AddWithValue("c", campaignId);
        cmd.Parameters.AddWithValue("at", at);
        cmd.Parameters.AddWithValue("actor", actor);
        cmd.Parameters.AddWithValue("action", action);
        cmd.Parameters.AddWithValue("reason", reason);
        cmd.Parameters.AddWithValue("detail", NpgsqlDbType.Jsonb, detail is null ? DBNull.Value : JsonSerializer.Serialize(detail));
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
