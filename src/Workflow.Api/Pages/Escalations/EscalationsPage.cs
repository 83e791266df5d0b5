using System.Text;
using Microsoft.Extensions.Options;
using Workflow.Api.Pages.Html;
using Workflow.Api.Security;
using Workflow.Infrastructure.Campaigns;
using Workflow.Infrastructure.Cases;
using Workflow.Infrastructure.Exports;
using Workflow.Infrastructure.Pages;
using static Workflow.Api.Pages.Html.Html;

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
            var view = new PageView(http);
            return view.Render("Escalations", Body(view, result, await campaigns.ListAsync(ct), clock.GetUtcNow(), options.Value.EscalationWindowDays));
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
            var view = new PageView(http);
            var (decision, error) = ManagerDecision.Parse(form["decision"], form["reason"], form["extendTo"]);
            var selected = form["case"].Select(ParseSelection).OfType<(Guid, int)>().ToList();
            if (selected.Count == 0) error ??= "Select at least one case.";
            if (error is not null)
                return view.Render("Decisions not recorded", $"""
                    <h1>Decisions not recorded</h1>
                    <p class="error" role="alert">{E(error)}</p>
                    <p><a href="/escalations{E(form["returnQuery"].ToString())}">Back to the queue</a></p>
                    """, 400);

            var outcomes = await decision!.ApplyAllAsync(transitions, selected.Select(s => (s.Item1, (int?)s.Item2)).ToList(), http.ActorOf(), ct);
            var names = new Dictionary<Guid, string>();
            foreach (var o in outcomes)
                names[o.CaseId] = await cases.GetAsync(o.CaseId, ct) is { } d ? $"{d.Reference} {d.SupplierName}" : o.CaseId.ToString();
            var rows = string.Concat(outcomes.Select(o => $"""
                <tr class="{(o.Succeeded ? "ok" : "failed")}"><td><a href="/cases/{o.CaseId}">{E(names[o.CaseId])}</a></td>
                <td>{(o.Succeeded ? Html.Html.StateBadge(o.NewState) : "<span class=\"badge error\">refused</span>")}</td><td>{E(o.Message)}</td></tr>
                """));
            return view.Render("Decisions recorded", $"""
                <h1>Decisions recorded</h1>
                <p>{outcomes.Count(o => o.Succeeded)} of {outcomes.Count} decided. Reason: {E(decision!.Reason)}</p>
                <table><caption>Resulting state of each case</caption>
                <thead><tr><th scope="col">Case</th><th scope="col">State now</th><th scope="col">What happened</th></tr></thead>
                <tbody>{rows}</tbody></table>
                <p><a href="/escalations{E(form["returnQuery"].ToString())}">Back to the queue</a></p>
                """);
        }).RequireAuthorization(Policies.Manager);
    }

    private static (Guid, int)? ParseSelection(string? value)
    {
        var parts = value?.Split(':');
        return parts is [var id, var version] && Guid.TryParse(id, out var g) && int.TryParse(version, out var v) ? (g, v) : null;
    }

    private static string Body(PageView view, EscalationQueuePage result, IReadOnlyList<Campaign> campaigns, DateTimeOffset now, int windowDays)
    {
        var f = result.Filter;
        var query = $"?campaign={f.CampaignId}&reason={Url(f.Reason ?? "")}&age={f.MinAgeDays}";
        var canDecide = view.IsManager;
        var rows = new StringBuilder();
        foreach (var r in result.Rows)
        {
            var ageing = Ageing.Of(r.EscalatedAt, r.DueAt, now, windowDays);
            var days = (now - r.EscalatedAt).TotalDays;
            rows.Append($"""
                <tr class="{ageing.CssClass}">
                {(canDecide ? $"<td><input type=\"checkbox\" name=\"case\" value=\"{r.CaseId}:{r.Version}\" aria-label=\"Select {E(r.Reference)} {E(r.SupplierName)}\"></td>" : "")}
                <td><a href="/cases/{r.CaseId}">{E(r.Reference)}</a></td>
                <td>{E(r.SupplierName)}</td>
                <td>{E(r.CampaignName)}</td>
                <td>{E(r.Reason)}</td>
                <td>{Time(r.EscalatedAt)}</td>
                <td class="num">{days:0.0}</td>
                <td><span class="age {ageing.CssClass}">{E(ageing.Label)}</span> {E(Day(ageing.Deadline))}</td>
                <td>{E(r.Stage)}</td>
                </tr>
                """);
        }
        var campaignOptions = Options([("", "All campaigns"), .. campaigns.Select(c => (c.Id.ToString(), c.Name))], f.CampaignId?.ToString());
        var table = result.Rows.Count == 0 ? "<p>No escalated cases match.</p>" : $"""
            <table class="queue">
            <caption>Escalated cases {f.Offset + 1}–{f.Offset + result.Rows.Count} of {result.Total}, oldest first</caption>
            <thead><tr>
            {(canDecide ? "<th scope=\"col\"><input type=\"checkbox\" id=\"select-all\" aria-label=\"Select all on this page\" data-select-all=\"case\"></th>" : "")}
            <th scope="col">Case</th><th scope="col">Supplier</th><th scope="col">Campaign</th><th scope="col">Reason</th>
            <th scope="col">Escalated</th><th scope="col">Age (days)</th><th scope="col">Decision due</th><th scope="col">Stage</th>
            </tr></thead>
            <tbody>{rows}</tbody>
            </table>
            """;
        var pager = Pager(result.PageCount, f.Page, query);
        var decisionForm = canDecide ? $"""
            <form method="post" action="/escalations/decisions" id="decide">
            {view.Antiforgery()}
            <input type="hidden" name="returnQuery" value="{E(query + "&page=" + f.Page)}">
            {table}
            <fieldset class="decision">
              <legend>Decide the selected cases</legend>
              <label for="decision">Decision</label>
              <select id="decision" name="decision" required>
                <option value="">Choose…</option>
                <option value="extend">Extend to a date</option>
                <option value="accept-risk">Accept the risk</option>
                <option value="terminate">Approve termination</option>
              </select>
              <label for="extendTo">Extend to (for extensions)</label>
              <input id="extendTo" name="extendTo" type="date">
              <label for="reason">Reason (goes into the audit trail)</label>
              <input id="reason" name="reason" type="text" required maxlength="2000">
              <button type="submit">Apply to selected</button>
            </fieldset>
            </form>
            """ : $"""
            <p class="hint">Read-only: only a manager decides escalations.</p>
            {table}
            """;
        return $"""
            <h1>Escalations</h1>
            <form method="get" action="/escalations" class="filters" role="search" aria-label="Filter escalations">
              <label for="f-campaign">Campaign</label>
              <select id="f-campaign" name="campaign">{campaignOptions}</select>
              <label for="f-reason">Reason contains</label>
              <input id="f-reason" name="reason" type="search" value="{E(f.Reason)}">
              <label for="f-age">At least (days old)</label>
              <input id="f-age" name="age" type="number" min="0" value="{E(f.MinAgeDays)}">
              <button type="submit">Filter</button>
            </form>
            <p><a href="/escalations.csv{E(query)}" download>Download these {result.Total} escalations as CSV</a></p>
            <p class="legend"><span class="age age-ok">on time</span> <span class="age age-soon">due soon</span>
              <span class="age age-overdue">overdue</span> against the case's due date, or {windowDays} days after escalation.</p>
            {decisionForm}
            {pager}
            """;
    }

    public static string Pager(int pageCount, int page, string query)
    {
        if (pageCount <= 1) return "";
        string Link(int p, string text, string label) =>
            $"<a href=\"{E(query)}&amp;page={p}\" aria-label=\"{E(label)}\">{E(text)}</a>";
        return $"""
            <nav class="pager" aria-label="Pages">
            {(page > 1 ? Link(1, "« First", "First page") + " " + Link(page - 1, "‹ Previous", "Previous page") : "")}
            <span>Page {page} of {pageCount}</span>
            {(page < pageCount ? Link(page + 1, "Next ›", "Next page") + " " + Link(pageCount, "Last »", "Last page") : "")}
            </nav>
            """;
    }
}
