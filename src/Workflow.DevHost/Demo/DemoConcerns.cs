using Microsoft.Extensions.Logging;
using Npgsql;
using Workflow.Application.Grievances;
using Workflow.Domain.Grievances;

namespace Workflow.DevHost.Demo;

/// <summary>
/// Three concerns for the demo, taken in and handled through the real store: an anonymous web report about a demo
/// smelter under review with a reply, a named hotline call being investigated, a mailed rumour dismissed. Made-up
/// people and places; loaded once per database.
/// </summary>
public sealed class DemoConcerns(NpgsqlDataSource db, ConcernStore store, ILogger<DemoConcerns> logger)
{
    private const string Investigator = "demo-investigator";

    public async Task LoadAsync(CancellationToken ct)
    {
        await using (var exists = db.CreateCommand("select count(*) from workflow.concerns"))
            if ((long)(await exists.ExecuteScalarAsync(ct))! > 0) return;
        var smelter = DemoSmelters.Create().All.OrderBy(s => s.Cid, StringComparer.Ordinal).First();

        var web = await store.CreateAsync(new ConcernInput
        {
            Description = "Lorries from a mine held by an armed group unload ore at this refinery at night. Local traders say the "
                + "paperwork is made out for another mine afterwards.",
            Smelter = $"{smelter.StandardName} ({smelter.Cid})", Metal = smelter.Metal.ToString().ToLowerInvariant(), Country = "Rwanda",
            Occurred = "since early this year", Language = "en",
        }, [], ConcernChannels.Web, ConcernStore.ReporterActor, null, ct);
        await store.TransitionAsync(web.Id, ConcernState.UnderReview, "Names a smelter on our suppliers' lists and a route; worth checking", Investigator, ct);
        await store.ReplyAsync(web.Id, "Thank you for telling us. Can you say which mine, or roughly where the lorries come from?", Investigator, ct);

        var call = await store.CreateAsync(new ConcernInput
        {
            Description = "Caller works for a distributor and says a supplier of ours buys tin solder from a trader who cannot name its smelters.",
            Supplier = "a demo supplier (named by the caller)", Metal = "tin", Channel = ConcernChannels.Hotline,
            ReporterName = "Demo Caller", ReporterPhone = "+00 000 0000", Language = "en",
        }, [], ConcernChannels.Hotline, "apikey:demo-hotline", null, ct);
        await store.TransitionAsync(call.Id, ConcernState.Investigating, "Asked procurement for the supplier's trader and the smelters behind it", Investigator, ct);

        var mail = await store.CreateAsync(new ConcernInput
        {
            Description = "Heard that all gold from the region is conflict gold.", Metal = "gold", Channel = ConcernChannels.Email, Language = "en",
        }, [], ConcernChannels.Email, "mailbox", null, ct);
        await store.TransitionAsync(mail.Id, ConcernState.Dismissed, "No smelter, supplier or place to act on; the reporter did not answer our question", Investigator, ct);

        logger.LogInformation("Demo concerns loaded: {Web}, {Call}, {Mail}", web.Reference, call.Reference, mail.Reference);
    }
}
