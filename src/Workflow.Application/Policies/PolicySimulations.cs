using Npgsql;
using Workflow.Cmrt.Checking;
using Workflow.Application.Cases;
using Workflow.Application.Reevaluation;
using Workflow.Application.Reference;
using Workflow.Rules.Assessment;
using Workflow.Rules.Policies;
using Workflow.Rules.Simulation;

namespace Workflow.Application.Policies;

/// <summary>
/// Runs a draft policy against every current submission of a campaign: each case's latest submission's stored
/// declaration (the file only for submissions older than the stored declarations) is checked again (so the checker's
/// findings are exactly today's), then assessed under the pinned and the draft policy.
/// </summary>
public sealed class PolicySimulations(NpgsqlDataSource db, IPolicySource catalog, PolicyRuleSet rules, ReferenceListStore references, TimeProvider clock)
{
    public async Task<SimulationReport> SimulateAsync(Guid campaignId, Policy draft, CancellationToken ct)
    {
        string pinned;
        await using (var cmd = db.CreateCommand("select policy_version from workflow.campaigns where id = @id"))
        {
            cmd.Parameters.AddWithValue("id", campaignId);
            pinned = await cmd.ExecuteScalarAsync(ct) as string ?? throw new NotFoundException("Campaign", campaignId);
        }
        var active = catalog.Get(pinned) ?? throw new PolicyNotActiveException($"The campaign is pinned to '{pinned}', which is not active.");
        var list = references.Active();
        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var cases = new List<SimulationCase>();
        await using var conn = await db.OpenConnectionAsync(ct);
        for (var after = Guid.Empty; ;)
        {
            var page = await CurrentSubmission.PageAsync(conn, null, campaignId, after, 500, null, ct);
            if (page.Count == 0) break;
            after = page[^1].CaseId;
            foreach (var s in page)
                if (s.ReadDeclaration(list).Declaration is { } declaration)
                    cases.Add(new SimulationCase(s.CaseId.ToString(), declaration, CmrtChecker.Check(declaration, asOf)));
        }
        return PolicySimulator.Simulate(rules, active, draft, list, cases, asOf);
    }
}
