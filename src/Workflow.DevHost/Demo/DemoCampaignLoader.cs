using Microsoft.Extensions.Logging;
using Npgsql;
using Workflow.Domain.Cases;
using Workflow.Application.Campaigns;
using Workflow.Application.Cases;
using Workflow.Application.Products;
using Workflow.Application.Reference;
using Workflow.Application.Submissions;
using Workflow.Application.Suppliers;

using Workflow.StateMachines;

namespace Workflow.DevHost.Demo;

/// <summary>
/// Loads a demo campaign shaped like the seed report (132 suppliers; about 89% answer; some invalid, corrected,
/// escalated, terminated) through the real import, launch, submission and transition paths, so every figure the
/// service later shows is computed from data, not typed in.
/// </summary>
public sealed class DemoCampaignLoader(
    NpgsqlDataSource db,
    CampaignStore campaigns,
    SupplierRegister suppliers,
    SubmissionService submissions,
    CaseTransitions transitions,
    ReferenceListStore references,
    ProductRegister products,
    TimeProvider clock,
    ILogger<DemoCampaignLoader> logger)
{
    public const string CampaignName = "Demo: calendar 2026 (generated)";
    private const string Actor = "demo-loader";

    /// <summary>The seed's mix: 132 suppliers, 117 answered (89%), 11 still invalid, 6 red flags.</summary>
    public static IReadOnlyList<DemoSupplierProfile> Profiles { get; } = BuildProfiles();

    public async Task<Guid?> LoadAsync(CancellationToken ct)
    {
        await using (var exists = db.CreateCommand("select id from workflow.campaigns where name = @n"))
        {
            exists.Parameters.AddWithValue("n", CampaignName);
            if (await exists.ExecuteScalarAsync(ct) is Guid existing)
            {
                logger.LogInformation("Demo campaign already loaded ({Id})", existing);
                return null;
            }
        }
        var list = DemoSmelters.Create();
        if ((await references.ListAsync(ct)).All(r => r.Version != list.Version))
            await references.ImportAsync(list, "generated demo list (not RMI data)", Actor, ct);

        var id = await campaigns.CreateAsync(CampaignName, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2027, 3, 31), Actor, ct);
        var rows = Profiles.Select((p, i) => (i + 1, new SupplierInput
        {
            Name = DemoNames.Company(i),
            Email = $"cmrt@{DemoNames.Domain(i)}",
            Country = DemoNames.Country(i),
            Spend = 5_000 + (i * 7919 % 250_000),
            ContactName = $"Contact {i + 1}",
            Language = i % 9 == 0 ? "de" : "en",
        })).ToList();
        await suppliers.ImportAsync(id, rows, Actor, dryRun: false, ct);
        await ImportProductsAsync(rows.Select(r => r.Item2.Email!).ToList(), ct);
        await campaigns.LaunchAsync(id, Actor, ct);

        await using var cmd = db.CreateCommand("""
            select c.id, s.name, s.email from workflow.cases c join workflow.suppliers s on s.id = c.supplier_id
             where c.campaign_id = @c order by s.email
            """);
        cmd.Parameters.AddWithValue("c", id);
        var cases = new Dictionary<string, (Guid Id, string Name)>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) cases[r.GetString(2)] = (r.GetGuid(0), r.GetString(1));

        var redFlagOrdinal = 0;
        var workbooks = new DemoWorkbooks(list, seed: 2016, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        for (var i = 0; i < Profiles.Count; i++)
        {
            var email = rows[i].Item2.Email!;
            var (caseId, name) = cases[email];
            var concern = Profiles[i] is DemoSupplierProfile.RedFlagSmelter or DemoSupplierProfile.RedFlagRiskAccepted ? redFlagOrdinal++ : 0;
            await PlayAsync(caseId, i, name, email, Profiles[i], workbooks, concern, ct);
        }
        logger.LogInformation("Demo campaign loaded: {Count} suppliers ({Id})", Profiles.Count, id);
        return id;
    }

    private async Task ImportProductsAsync(IReadOnlyList<string> emails, CancellationToken ct)
    {
        var imported = await products.ImportAsync(DemoProducts.BillOfMaterials(Profiles, i => emails[i]), Actor, dryRun: false, ct);
        if (imported.Errors.Count > 0)
            throw new InvalidOperationException("The demo bill of materials was refused: " + string.Join("; ", imported.Errors.Take(5)));
        await using var find = db.CreateCommand("select id from workflow.products where product_number = @n");
        find.Parameters.AddWithValue("n", DemoProducts.ServicesProduct);
        if (await find.ExecuteScalarAsync(ct) is Guid services)
            await products.MarkProductAsync(services, containsNo3tg: true, "a service: nothing physical is delivered", Actor, "demo", ct);
    }

    private async Task PlayAsync(Guid caseId, int i, string name, string email, DemoSupplierProfile profile, DemoWorkbooks workbooks,
        int concernOrdinal, CancellationToken ct)
    {
        var supplier = $"supplier:{email}";
        async Task Submit(bool corrected = false) =>
            await submissions.SubmitAsync(caseId, $"CMRT_6.5_{DemoNames.Slug(name)}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                workbooks.For(i, name, email, profile, corrected, concernOrdinal), supplier, "demo", ct);
        Task Fire(CaseIntention intention, string reason, string actor = "system:follow-up") => transitions.FireAsync(caseId, intention, new TransitionCause(actor, reason), ct: ct);

        switch (profile)
        {
            case DemoSupplierProfile.SilentReminded:
                await Fire(CaseIntention.TimerElapsed, "no response 30 days after the survey");
                break;
            case DemoSupplierProfile.SilentSecondRequest:
                await Fire(CaseIntention.TimerElapsed, "no response 30 days after the survey");
                await Fire(CaseIntention.TimerElapsed, "no response 14 days after the reminder");
                break;
            case DemoSupplierProfile.SilentEscalated or DemoSupplierProfile.SilentTerminated:
                await Fire(CaseIntention.TimerElapsed, "no response 30 days after the survey");
                await Fire(CaseIntention.TimerElapsed, "no response 14 days after the reminder");
                await Fire(CaseIntention.TimerElapsed, "no response to the second request; phone follow-up failed");
                if (profile == DemoSupplierProfile.SilentTerminated)
                    await Fire(CaseIntention.Decide(ManagementDecision.Terminate), "supplier never answered; alternative source qualified", "demo:vp-supply-chain");
                break;
            case DemoSupplierProfile.InvalidThenCorrected:
                await Submit();
                await Submit(corrected: true);
                break;
            case DemoSupplierProfile.StillInvalid:
                await Submit();
                if (i % 2 == 0) await Fire(CaseIntention.TimerElapsed, "correction not received within 14 days");
                break;
            case DemoSupplierProfile.RedFlagRiskAccepted:
                await Submit();
                await Fire(CaseIntention.Decide(ManagementDecision.AcceptRisk), "smelter is RMAP conformant; product-level CMRT shows it is not in our parts", "demo:vp-supply-chain");
                break;
            default:
                await Submit();
                break;
        }
    }

    private static List<DemoSupplierProfile> BuildProfiles()
    {
        // Counts: 15 silent (6+4+3+2) → 117 of 132 answered = 89%; 11 still invalid; 6 red flags (one risk accepted).
        var plan = new (DemoSupplierProfile Profile, int Count)[]
        {
            (DemoSupplierProfile.NotFromCoveredCountries, 25), (DemoSupplierProfile.Undetermined, 28),
            (DemoSupplierProfile.NoConflictMinerals, 14), (DemoSupplierProfile.RecycledOrScrap, 4),
            (DemoSupplierProfile.InvalidThenCorrected, 10), (DemoSupplierProfile.StillInvalid, 11),
            (DemoSupplierProfile.RedFlagSmelter, 5), (DemoSupplierProfile.RedFlagRiskAccepted, 1),
            (DemoSupplierProfile.SilentReminded, 6), (DemoSupplierProfile.SilentSecondRequest, 4),
            (DemoSupplierProfile.SilentEscalated, 3), (DemoSupplierProfile.SilentTerminated, 2),
        };
        var answeredValid = 132 - plan.Sum(p => p.Count);
        var list = plan.SelectMany(p => Enumerable.Repeat(p.Profile, p.Count)).ToList();
        // The remaining responders have no 3TG in what they sell us (the seed: "the majority of the materials").
        list.AddRange(Enumerable.Repeat(DemoSupplierProfile.NoConflictMinerals, answeredValid));
        // Interleave deterministically so states are not clustered by name.
        var random = new Random(132);
        return list.OrderBy(_ => random.Next()).ToList();
    }
}
