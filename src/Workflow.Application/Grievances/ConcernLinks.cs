using Npgsql;
using Workflow.Application.Cases;
using Workflow.Application.Policies;
using Workflow.Domain.Grievances;

namespace Workflow.Application.Grievances;

/// <summary>What linking did: the link, and for a substantiated smelter the draft policy version it prepared.</summary>
public sealed record ConcernLinkResult(long LinkId, string? DraftVersion, string? ExtendsVersion, IReadOnlyList<string> AffectedCampaigns);

/// <summary>A link's target: exactly one of a smelter (CID), a supplier or a case.</summary>
public sealed record ConcernLinkInput(string? Cid, Guid? SupplierId, Guid? CaseId, bool Substantiated, string? Reason);

/// <summary>
/// Links a concern to a smelter, a supplier or a case. Substantiating a concern about a smelter prepares a draft policy
/// version that extends the version pinned by the campaigns whose declarations name that smelter (else the built-in
/// default) and puts the smelter on its concern list, the concern being the reason. The draft changes nothing until a
/// compliance owner simulates and activates it and re-pins the campaigns: the rules stay the one place that flags.
/// </summary>
public sealed class ConcernLinks(NpgsqlDataSource db, TimeProvider clock, ConcernStore store, PolicyStore policies, PolicyAdministration administration)
{
    public const string DefaultPolicy = "default";

    public async Task<ConcernLinkResult> LinkAsync(Guid concernId, ConcernLinkInput input, string actor, CancellationToken ct)
    {
        var cid = string.IsNullOrWhiteSpace(input.Cid) ? null : input.Cid.Trim().ToUpperInvariant();
        var targets = (cid is null ? 0 : 1) + (input.SupplierId is null ? 0 : 1) + (input.CaseId is null ? 0 : 1);
        if (targets != 1)
            throw new ConcernValidationException(new() { ["target"] = ["Give exactly one of cid (a smelter identifier), supplierId or caseId."] });
        if (cid is not null && (cid.Length > 40 || cid.Any(char.IsWhiteSpace)))
            throw new ConcernValidationException(new() { ["cid"] = [$"'{input.Cid}' is not a smelter identifier such as CID001234."] });

        string reference;
        await using (var conn = await db.OpenConnectionAsync(ct))
        {
            await using var read = new NpgsqlCommand("select reference from workflow.concerns where id = @id", conn);
            read.Parameters.AddWithValue("id", concernId);
            reference = await read.ExecuteScalarAsync(ct) as string ?? throw new NotFoundException("Concern", concernId);
            if (input.SupplierId is { } s && !await ExistsAsync(conn, "workflow.suppliers", s, ct)) throw new NotFoundException("Supplier", s);
            if (input.CaseId is { } c && !await ExistsAsync(conn, "workflow.cases", c, ct)) throw new NotFoundException("Case", c);
        }

        string? draft = null, extends = null;
        IReadOnlyList<string> affected = [];
        if (cid is not null && input.Substantiated)
            (draft, extends, affected) = await PrepareDraftAsync(concernId, reference, cid, input.Reason, actor, ct);

        var now = clock.GetUtcNow();
        await using var tx_conn = await db.OpenConnectionAsync(ct);
        await using var tx = await tx_conn.BeginTransactionAsync(ct);
        var current = await ConcernStore.LockAsync(tx_conn, tx, concernId, ct);
        long linkId;
        await using (var insert = new NpgsqlCommand("""
            insert into workflow.concern_links (concern_id, cid, supplier_id, case_id, substantiated, draft_version, at, actor)
            values (@id, @cid, @supplier, @case, @substantiated, @draft, @now, @actor) returning id
            """, tx_conn, tx))
        {
            insert.Parameters.AddWithValue("id", concernId);
            insert.Parameters.AddWithValue("cid", (object?)cid ?? DBNull.Value);
            insert.Parameters.AddWithValue("supplier", (object?)input.SupplierId ?? DBNull.Value);
            insert.Parameters.AddWithValue("case", (object?)input.CaseId ?? DBNull.Value);
            insert.Parameters.AddWithValue("substantiated", input.Substantiated);
            insert.Parameters.AddWithValue("draft", (object?)draft ?? DBNull.Value);
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("actor", actor);
            linkId = (long)(await insert.ExecuteScalarAsync(ct))!;
        }
        var due = await store.TouchAsync(tx_conn, tx, concernId, current.State, now, ct);
        await store.AuditAsync(tx_conn, tx, concernId, now, actor, input.Substantiated ? "linked-substantiated" : "linked", current.State, current.State,
            string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim(),
            new { cid, supplierId = input.SupplierId, caseId = input.CaseId, substantiated = input.Substantiated, draftVersion = draft }, ct);
        await tx.CommitAsync(ct);
        if (due is { } d) store.ScheduleQuietly(concernId, current.Version + 1, d);
        return new ConcernLinkResult(linkId, draft, extends, affected);
    }

    /// <summary>The campaigns whose current declarations name the smelter, and the policy version each is pinned to.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, string PolicyVersion, DateTimeOffset CreatedAt, int Cases)>> CampaignsNamingAsync(string cid, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select k.id, k.name, k.policy_version, k.created_at, count(distinct c.id)::int
              from workflow.submissions x
              join workflow.cases c on c.id = x.case_id
              join workflow.campaigns k on k.id = c.campaign_id
              cross join lateral workflow.current_evaluation(x.id) e
             where exists (select 1 from jsonb_array_elements(coalesce(e.evaluation->'smelters', '[]')) sm where upper(trim(sm->>'cid')) = @cid)
             group by k.id, k.name, k.policy_version, k.created_at
             order by k.created_at desc
            """);
        cmd.Parameters.AddWithValue("cid", cid);
        var list = new List<(Guid, string, string, DateTimeOffset, int)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add((r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.GetInt32(4)));
        return list;
    }

    private async Task<(string Draft, string Extends, IReadOnlyList<string> Affected)> PrepareDraftAsync(Guid concernId, string reference, string cid,
        string? reason, string actor, CancellationToken ct)
    {
        var campaigns = await CampaignsNamingAsync(cid, ct);
        // The version most of the affected campaigns are pinned to (the newest campaign's on a tie); else the default.
        var parent = campaigns.GroupBy(c => c.PolicyVersion)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(c => c.CreatedAt))
            .Select(g => g.Key).FirstOrDefault(v => policies.Get(v) is not null) ?? DefaultPolicy;
        var parentPolicy = policies.Get(parent) ?? throw new PolicyNotActiveException($"Policy version '{parent}' is not active.");

        // One draft per concern and parent: substantiating a second smelter of the same concern adds to it, unless it
        // was activated meanwhile (an active version never changes), in which case the next name is taken.
        var because = $"Concern {reference} substantiated" + (string.IsNullOrWhiteSpace(reason) ? "" : ": " + reason.Trim());
        for (var n = 1; ; n++)
        {
            var name = n == 1 ? $"{parent}-{reference}" : $"{parent}-{reference}-{n}";
            var existing = await policies.FindAsync(name, ct);
            if (existing is { IsActive: true }) continue;
            var start = existing is null ? parentPolicy : policies.Resolve(existing);
            var values = PolicyFormValues.From(start, name, parent);
            var concerns = values.ConcernList.Where(c => !string.Equals(c.Cid, cid, StringComparison.OrdinalIgnoreCase)).Append(new ConcernRow(cid, because))
                .OrderBy(c => c.Cid, StringComparer.Ordinal).ToList();
            values = values with
            {
                ConcernList = concerns,
                Description = $"{parentPolicy.Description} Prepared from concern {reference}: {cid} on the concern list.".Trim(),
            };
            await administration.SaveDraftAsync(values.ToYaml(), actor, because, $"concern {reference}", ct);
            return (name, parent, campaigns.Select(c => c.Name).ToList());
        }
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection conn, string table, Guid id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"select 1 from {table} where id = @id", conn);
        cmd.Parameters.AddWithValue("id", id);
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }
}
