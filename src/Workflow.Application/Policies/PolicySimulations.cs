using Npgsql;
using Workflow.Cmrt.Checking;
using Workflow.Cmrt.Reading;
using Workflow.Application.Cases;
using Workflow.Application.Reference;
using Workflow.Rules.Assessment;
using Workflow.Rules.Policies;
using Workflow.Rules.Simulation;

namespace Workflow.Application.Policies;

/// <summary>
/// Runs a draft policy against every current submission of a campaign: each case's latest stored file is read and
/// checked again (so the checker's findings are exactly today's), then assessed under the pinned and the draft policy.
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
        var options = CmrtReaderOptions.Default with { ReferenceList = list };

        var cases = new List<SimulationCase>();
        await using (var cmd = db.CreateCommand("""
            select distinct on (s.case_id) s.case_id, s.content
              from workflow.submissions s join workflow.cases c on c.id = s.case_id
             where c.campaign_id = @id
             order by s.case_id, s.received_at desc
            """))
        {
            cmd.Parameters.AddWithValue("id", campaignId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                using var stream = new MemoryStream(r.GetFieldValue<byte[]>(1), writable: false);
                var read = CmrtReader.Read(stream, options);
                if (read.Declaration is { } declaration)
                    cases.Add(new SimulationCase(r.GetGuid(0).ToString(), declaration, CmrtChecker.Check(declaration, asOf)));
            }
        }
        return PolicySimulator.Simulate(rules, active, draft, list, cases, asOf);
    }
}
