using System.Globalization;
using Hangfire;
using Workflow.Application.Cases;
using Workflow.Infrastructure.Email;
using Workflow.Application.Email;

namespace Workflow.Infrastructure.Jobs;

/// <summary>Puts the daily digest of the open escalation queue into the outbox (once per UTC day, only when not empty).</summary>
public sealed class EscalationDigestJob(CaseQueries cases, OutboxStore outbox, TimeProvider clock)
{
    private const int MaxListed = 500;

    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Daily escalation digest")]
    public async Task<bool> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var queue = await cases.EscalationsAsync(null, 0, MaxListed, ct);
        if (queue.Count == 0) return false;
        var items = queue.Select(e => new
        {
            reference = e.Reference,
            supplierName = e.SupplierName,
            campaign = e.CampaignName,
            ageDays = e.AgeDays.ToString("0.#", CultureInfo.InvariantCulture),
            reason = e.Reason ?? "",
        });
        return await outbox.EnqueueAsync(MessageKinds.DailyDigest, now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            new { asOf = now.ToString("u", CultureInfo.InvariantCulture), items }, ct);
    }
}
