using Microsoft.Extensions.Logging;
using Npgsql;
using Workflow.Rules.Policies;

namespace Workflow.Application.Policies;

/// <summary>What reading the policy folder did: per file, imported (as a draft or, on a first start, active), unchanged, or an error.</summary>
public sealed record PolicyImportReport(
    IReadOnlyList<string> Activated,
    IReadOnlyList<string> Drafts,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<PolicyError> Errors);

/// <summary>
/// The policy folder feeds the database, never the other way round. On the very first start (no version stored yet)
/// its files become active, so a fresh install works as before; afterwards a new or edited file becomes a draft to
/// simulate and activate, and an edit of an activated version is an error that says so: a file edit never changes
/// what a campaign is pinned to. The built-in <c>default</c> is stored when missing.
/// </summary>
public sealed class PolicyFolderImport(PolicyStore store, PolicyAdministration admin, NpgsqlDataSource db, ILogger<PolicyFolderImport> logger)
{
    public const string SystemActor = "system";
    private volatile IReadOnlyList<PolicyError> _lastErrors = [];

    /// <summary>Errors of this instance's last import (start-up or reload).</summary>
    public IReadOnlyList<PolicyError> LastErrors => _lastErrors;

    public async Task<PolicyImportReport> ImportAsync(string actor, CancellationToken ct)
    {
        // Instances starting together must not both decide they are the first.
        await using var conn = await db.OpenConnectionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand("select pg_advisory_lock(hashtext('workflow.policy-import'))", conn))
            await lockCmd.ExecuteNonQueryAsync(ct);
        try
        {
            var report = await ImportLockedAsync(conn, actor, ct);
            _lastErrors = report.Errors;
            foreach (var error in report.Errors) logger.LogWarning("Policy folder: {Error}", error.ToString());
            return report;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock(hashtext('workflow.policy-import'))", conn);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task<PolicyImportReport> ImportLockedAsync(NpgsqlConnection conn, string actor, CancellationToken ct)
    {
        bool firstStart;
        await using (var count = new NpgsqlCommand("select count(*) from workflow.policy_versions", conn))
            firstStart = (long)(await count.ExecuteScalarAsync(ct))! == 0;
        var activated = new List<string>();
        var drafts = new List<string>();
        var unchanged = new List<string>();
        var errors = new List<PolicyError>();

        var files = ReadFiles(errors);
        if (!files.Any(f => f.Document.Version == PolicyLoader.DefaultVersion)) await EnsureDefaultAsync(actor, ct);

        // Parents before children: a file is ready once what it extends is stored or was handled in this import.
        var pending = files.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(f => f.Document.Extends is not { } parent || parent == f.Document.Version
                || !pending.Any(p => p.Document.Version == parent)).ToList();
            if (ready.Count == 0)
            {
                errors.AddRange(pending.Select(f => new PolicyError(f.Path, "extends", "inheritance cycle among the folder's files")));
                break;
            }
            foreach (var file in ready)
            {
                pending.Remove(file);
                await ImportOneAsync(file, firstStart, actor, activated, drafts, unchanged, errors, ct);
            }
        }
        await EnsureDefaultAsync(actor, ct);
        await using (var pins = new NpgsqlCommand("""
            update workflow.campaigns c set policy_sha256 = p.sha256
              from workflow.policy_versions p
             where p.version = c.policy_version and p.status = 'active' and c.policy_sha256 is null
            """, conn))
            await pins.ExecuteNonQueryAsync(ct);
        return new PolicyImportReport(activated, drafts, unchanged, errors);
    }

    private async Task ImportOneAsync(PolicyFile file, bool firstStart, string actor, List<string> activated, List<string> drafts, List<string> unchanged,
        List<PolicyError> errors, CancellationToken ct)
    {
        var version = file.Document.Version;
        try
        {
            var existing = await store.FindAsync(version, ct);
            if (existing is { IsActive: true })
            {
                var policy = PolicyTexts.Resolve(file.Path, file.Text, file.Source, store.ParentOf);
                if (policy.Sha256 == existing.Sha256) unchanged.Add(version);
                else errors.Add(new PolicyError(file.Path, "version", $"version '{version}' is active with other content (activated "
                    + $"{existing.ActivatedAt:yyyy-MM-dd} by {existing.ActivatedBy}); an activated version never changes, so this edit was not "
                    + "imported: give the file a new version name to import it as a draft"));
                return;
            }
            var reason = firstStart ? "seeded from the policy folder at first start" : "imported from the policy folder";
            var write = firstStart
                ? await admin.ActivateTextAsync(file.Text, actor, reason, file.Source, ct)
                : await admin.SaveDraftAsync(file.Text, actor, reason, file.Source, ct);
            (write.Changed ? (firstStart ? activated : drafts) : unchanged).Add(version);
        }
        catch (PolicyValidationException e)
        {
            errors.AddRange(e.Errors);
        }
    }

    private async Task EnsureDefaultAsync(string actor, CancellationToken ct)
    {
        var stored = await store.FindAsync(PolicyLoader.DefaultVersion, ct);
        if (stored is null)
        {
            await admin.ActivateTextAsync(PolicyLoader.DefaultText, actor, "the built-in default policy", "built-in", ct);
            return;
        }
        if (stored.IsActive && stored.Sha256 != PolicyLoader.Default.Sha256)
            logger.LogInformation("The built-in default policy of this build differs from the stored version 'default' (activated {At}); "
                + "campaigns keep the stored one. Save the new text under a new version name to use it.", stored.ActivatedAt);
    }

    private sealed record PolicyFile(string Path, string Source, string Text, PolicyDocument Document);

    private List<PolicyFile> ReadFiles(List<PolicyError> errors)
    {
        var files = new List<PolicyFile>();
        foreach (var path in PolicyLoader.PolicyFiles(admin.Folder))
        {
            try
            {
                var text = File.ReadAllText(path);
                files.Add(new PolicyFile(path, "folder:" + Path.GetFileName(path), text, PolicyParser.Parse(path, text)));
            }
            catch (PolicyValidationException e) { errors.AddRange(e.Errors); }
            catch (IOException e) { errors.Add(new PolicyError(path, "", $"cannot be read: {e.Message}")); }
            catch (UnauthorizedAccessException e) { errors.Add(new PolicyError(path, "", $"cannot be read: {e.Message}")); }
        }
        return files;
    }
}
