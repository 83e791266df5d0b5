using System.Text;
using Workflow.Api.Pages.Layout;
using Workflow.Domain.Security;
using Microsoft.Extensions.Options;
using Workflow.Api.Security;
using Workflow.Application.Campaigns;
using Workflow.Application.Cases;
using Workflow.Application.Exports;
using Workflow.Application.Queries;

namespace Workflow.Api.Pages.Escalations;

/// <summary>/escalations: the management queue, oldest first, filterable, paged, with single and bulk decisions.</summary>
public static class EscalationsPage
{
    public static void MapEscalationsPage(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/escalations", async (string? campaign, string? reason, string? age, string? page, HttpContext http, EscalationQueueQuery queue,
            CampaignStore campaigns, IOptions<PageOptions> options, TimeProvider clock, CancellationToken ct) =>
        {
            var filter = new EscalationFilter(QueryValues.Guid(campaign), QueryValues.Text(reason), QueryValues.Int(age),
                Math.Max(1, QueryValues.Int(page) ?? 1), options.Value.PageSize);
            var result = await queue.PageAsync(filter, ct);
            return PageResult.Of<EscalationQueue, EscalationQueueModel>(new EscalationQueueModel(result, await campaigns.ListAsync(ct), clock.GetUtcNow(),
                options.Value.EscalationWindowDays, http.User.IsInRole(Roles.Manager)));
        });

        // The filtered queue as CSV for spreadsheets and meeting packs; same filters, every page.
        pages.MapGet("/escalations.csv", async (string? campaign, string? reason, string? age, HttpContext http, EscalationQueueQuery queue,
            IOptions<PageOptions> options, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow();
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"escalations-{now:yyyyMMdd}.csv\"";
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
            await Csv.WriteRowAsync(writer, ["reference", "supplier", "campaign", "reason", "escalated_at", "age_days", "decision_due", "ageing", "stage", "case_url"]);
            const int batch = 1000;
            for (var page = 1; ; page++)
            {
                var result = await queue.PageAsync(new EscalationFilter(QueryValues.Guid(campaign), QueryValues.Text(reason), QueryValues.Int(age), page, batch), ct);
                foreach (var r in result.Rows)
                {
                    var ageing = Ageing.Of(r.EscalatedAt, r.DueAt, now, options.Value.EscalationWindowDays);
                    await Csv.WriteRowAsync(writer, [r.Reference, r.SupplierName, r.CampaignName, r.Reason,
                        r.EscalatedAt.UtcDateTime.ToString("O"), (now - r.EscalatedAt).TotalDays.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                        ageing.Deadline.UtcDateTime.ToString("yyyy-MM-dd"), ageing.Label, r.Stage, $"/cases/{r.CaseId}"]);
                }
                // Page numbers past the end come back as the last page, so stop at the last one.
                if (result.Rows.Count < batch || page >= result.PageCount) break;
            }
        });

        pages.MapPost("/escalations/decisions", async (IFormCollection form, HttpContext http, CaseTransitions transitions, CaseQueries cases, CancellationToken ct) =>
        {
            var (decision, error) = ManagerDecision.Parse(form["decision"], form["reason"], form["extendTo"]);
            var selected = form["case"].Select(ParseSelection).OfType<(Guid, int)>().ToList();
            if (selected.Count == 0) error ??= "Select at least one case.";
            var returnQuery = form["returnQuery"].ToString();
            if (error is not null)
                return PageResult.Of<DecisionsRecorded, DecisionsRecordedModel>(new DecisionsRecordedModel(error, null, [], returnQuery), 400);

            var outcomes = new List<(DecisionOutcome, string)>();
            foreach (var outcome in await decision!.ApplyAllAsync(transitions, selected.Select(s => (s.Item1, (int?)s.Item2)).ToList(), http.ActorOf(), ct))
            {
                var name = await cases.GetAsync(outcome.CaseId, ct) is { } d ? $"{d.Reference} {d.SupplierName}" : outcome.CaseId.ToString();
                outcomes.Add((outcome, name));
            }
            return PageResult.Of<DecisionsRecorded, DecisionsRecordedModel>(new DecisionsRecordedModel(null, decision!.Reason, outcomes, returnQuery));
        }).RequireAuthorization(AccessPolicies.Manager);
    }

    private static (Guid, int)? ParseSelection(string? value)
    {
        var parts = value?.Split(':');
        return parts is [var id, var version] && Guid.TryParse(id, out var g) && int.TryParse(version, out var v) ? (g, v) : null;
    }
}
