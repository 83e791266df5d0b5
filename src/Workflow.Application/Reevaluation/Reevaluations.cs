using Workflow.Application.Campaigns;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Workflow.Application.Cases;
using Workflow.Application.Evaluation;
using Workflow.Application.Policies;
using Workflow.Application.Reference;
using Workflow.Cmrt.Reference;
using Workflow.Rules.Policies;

namespace Workflow.Application.Reevaluation;

/// <summary>
/// Re-evaluation of a campaign's current submissions: the simulation (what would change, per case, with reasons;
/// nothing written), and applying it, which re-pins the campaign when another policy version is asked for, records the
/// run and hands it to a background job (<see cref="ReevaluationRunner"/>).
/// </summary>
public sealed class Reevaluations(NpgsqlDataSource db, ReferenceListStore references, IPolicySource catalog, IAssessorFactory assessors,
    PolicyAdministration policies, IReevaluationQueue queue, TimeProvider clock)
{
    public const string DefaultReason = "re-evaluation";
    private const int PageSize = 500;

    public async Task<ReevaluationSimulation> SimulateAsync(Guid campaignId, ReevaluationRequest request, CancellationToken ct)
    {
        var versions = await ResolveAsync(campaignId, request, ct);
        var asOf = Today();
        var reevaluator = new Reevaluator(assessors.Create(versions.ReferenceList, versions.PolicyVersion), versions.ReferenceList, asOf);
        var changes = new List<ReevaluationChange>();
        int evaluated = 0, unreadable = 0;
        await using var conn = await db.OpenConnectionAsync(ct);
        for (var after = Guid.Empty; ;)
        {
            var page = await CurrentSubmission.PageAsync(conn, null, campaignId, after, PageSize, null, ct);
            if (page.Count == 0) break;
            after = page[^1].CaseId;
            foreach (var (_, result, error) in reevaluator.EvaluateAll(page))
            {
                if (result is null) { if (error is null) unreadable++; continue; }
                evaluated++;
                if (result.Change is { } change) changes.Add(change);
            }
        }
        return new ReevaluationSimulation(campaignId, versions.PolicyVersion, versions.PinnedPolicyVersion, versions.ReferenceList.Version,
            asOf, evaluated, unreadable, changes);
    }

    /// <summary>Re-pins when asked for another version (audited), records the run and queues it; returns the run's id.</summary>
    public async Task<Guid> StartAsync(Guid campaignId, ReevaluationRequest request, string actor, CancellationToken ct)
    {
        var versions = await ResolveAsync(campaignId, request, ct);
        var runId = Guid.CreateVersion7();
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? DefaultReason : request.Reason.Trim();
        if (versions.PolicyVersion != versions.PinnedPolicyVersion)
            await policies.RepinAsync(campaignId, versions.PolicyVersion, actor, $"re-evaluation {runId}: {reason}", ct);

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        await using (var insert = new NpgsqlCommand("""
            insert into workflow.reevaluation_runs (id, campaign_id, requested_at, requested_by, reason, policy_version,
                reference_list_version, as_of, notify, status, total)
            values (@id, @campaign, @at, @by, @reason, @policy, @list, @asOf, @notify, @status, @total)
            """, conn, tx))
        {
            insert.Parameters.AddWithValue("id", runId);
            insert.Parameters.AddWithValue("campaign", campaignId);
            insert.Parameters.AddWithValue("at", now);
            insert.Parameters.AddWithValue("by", actor);
            insert.Parameters.AddWithValue("reason", reason);
            insert.Parameters.AddWithValue("policy", versions.PolicyVersion);
            insert.Parameters.AddWithValue("list", versions.ReferenceList.Version);
            insert.Parameters.AddWithValue("asOf", Today());
            insert.Parameters.AddWithValue("notify", request.Notify ?? false);
            insert.Parameters.AddWithValue("status", ReevaluationStatus.Queued);
            insert.Parameters.AddWithValue("total", await CurrentSubmission.CountAsync(conn, campaignId, ct));
            await insert.ExecuteNonQueryAsync(ct);
        }
        await CampaignAudit.AppendAsync(conn, tx, campaignId, now, actor, "reevaluation-started", reason,
            new { run = runId, policyVersion = versions.PolicyVersion, referenceListVersion = versions.ReferenceList.Version, notify = request.Notify ?? false }, ct);
        await tx.CommitAsync(ct);
        queue.Enqueue(runId);
        return runId;
    }

    public async Task<ReevaluationRun?> GetRunAsync(Guid runId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select id, campaign_id, status, total, done, changed, moved, not_moved, errors::text, policy_version,
                   reference_list_version, notify, requested_by, requested_at, reason, started_at, finished_at
              from workflow.reevaluation_runs where id = @id
            """);
        cmd.Parameters.AddWithValue("id", runId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new ReevaluationRun(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6),
            r.GetInt32(7), JsonSerializer.Deserialize<List<ReevaluationRunError>>(r.GetString(8), ReevaluationRunner.Json) ?? [],
            r.GetString(9), r.GetString(10), r.GetBoolean(11), r.GetString(12), r.GetFieldValue<DateTimeOffset>(13), r.GetString(14),
            r.IsDBNull(15) ? null : r.GetFieldValue<DateTimeOffset>(15), r.IsDBNull(16) ? null : r.GetFieldValue<DateTimeOffset>(16));
    }

    private async Task<ReevaluationVersions> ResolveAsync(Guid campaignId, ReevaluationRequest request, CancellationToken ct)
    {
        string pinned;
        await using (var cmd = db.CreateCommand("select policy_version from workflow.campaigns where id = @id"))
        {
            cmd.Parameters.AddWithValue("id", campaignId);
            pinned = await cmd.ExecuteScalarAsync(ct) as string ?? throw new NotFoundException("Campaign", campaignId);
        }
        var policy = string.IsNullOrWhiteSpace(request.PolicyVersion) ? pinned : request.PolicyVersion.Trim();
        if (catalog.Get(policy) is null)
            throw new ReevaluationRequestException($"Policy version '{policy}' is not active; active versions: {string.Join(", ", catalog.Active.Keys.Order())}.");
        SmelterReferenceList list;
        if (string.IsNullOrWhiteSpace(request.ReferenceListVersion)) list = references.Active();
        else list = await references.FindAsync(request.ReferenceListVersion.Trim(), ct)
                    ?? throw new ReevaluationRequestException($"No reference list with version '{request.ReferenceListVersion.Trim()}' was imported.");
        return new ReevaluationVersions(list, policy, pinned);
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
