using System.Globalization;
using System.Text;
using Workflow.Api.Pages.Html;
using Workflow.Api.Security;
using Workflow.Domain.Cases;
using Workflow.Infrastructure.Campaigns;
using Workflow.Infrastructure.Cases;
using Workflow.Infrastructure.Pages;
using static Workflow.Api.Pages.Html.Html;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>/campaigns (list and create) and /campaigns/{id} (the dashboard, and launch).</summary>
public static class CampaignsPage
{
    public static void MapCampaignsPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/campaigns", async (HttpContext http, CampaignStore campaigns, CancellationToken ct) =>
            List(new PageView(http), await campaigns.ListAsync(ct), null, null));

        pages.MapPost("/campaigns", async (IFormCollection form, HttpContext http, CampaignStore campaigns, CancellationToken ct) =>
        {
            var name = form["name"].ToString().Trim();
            var ok = DateOnly.TryParse(form["periodStart"], CultureInfo.InvariantCulture, out var start)
                   & DateOnly.TryParse(form["periodEnd"], CultureInfo.InvariantCulture, out var end)
                   & DateOnly.TryParse(form["responseDueDate"], CultureInfo.InvariantCulture, out var due);
            string? error = name.Length == 0 ? "Give the campaign a name, e.g. \"Calendar 2026\"."
                : !ok ? "Give the period start, period end and response due date."
                : start > end ? "The period must not end before it starts." : null;
            if (error is not null) return List(new PageView(http), await campaigns.ListAsync(ct), error, form);
            var id = await campaigns.CreateAsync(name, start, end, due, http.ActorOf(), ct);
            return Results.Redirect($"/campaigns/{id}");
        }).RequireAuthorization(Policies.Owner);

        pages.MapGet("/campaigns/{id:guid}", async (Guid id, HttpContext http, CampaignStore campaigns, CampaignDashboardQuery dashboards,
            TimeProvider clock, CancellationToken ct) =>
        {
            var campaign = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            return Dashboard(new PageView(http), campaign, await dashboards.GetAsync(id, ct), clock, null);
        });

        pages.MapPost("/campaigns/{id:guid}/launch", async (Guid id, IFormCollection _, HttpContext http, CampaignStore campaigns,
            CampaignDashboardQuery dashboards, TimeProvider clock, CancellationToken ct) =>
        {
            var opened = await campaigns.LaunchAsync(id, http.ActorOf(), ct);
            var campaign = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            return Dashboard(new PageView(http), campaign, await dashboards.GetAsync(id, ct), clock, $"Launched: {opened.Count} cases opened.");
        }).RequireAuthorization(Policies.Owner);
    }

    private static IResult List(PageView view, IReadOnlyList<Campaign> campaigns, string? error, IFormCollection? form)
    {
        var rows = string.Concat(campaigns.Select(c => $"""
            <tr><td><a href="/campaigns/{c.Id}">{E(c.Name)}</a></td><td>{c.PeriodStart:yyyy-MM-dd} – {c.PeriodEnd:yyyy-MM-dd}</td>
            <td>{c.ResponseDueDate:yyyy-MM-dd}</td><td>{E(c.PolicyVersion)}</td><td>{(c.LaunchedAt is null ? "not launched" : Time(c.LaunchedAt))}</td>
            <td><a href="/campaigns/{c.Id}/suppliers">Suppliers</a> · <a href="/escalations?campaign={c.Id}">Escalations</a></td></tr>
            """));
        var create = view.IsOwner ? $"""
            <form method="post" action="/campaigns" class="stacked" id="create-campaign">
              {view.Antiforgery()}
              <h2>New campaign</h2>
              {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{E(error)}</p>")}
              <label for="name">Name</label>
              <input id="name" name="name" required value="{E(form?["name"])}">
              <label for="periodStart">Reporting period start</label>
              <input id="periodStart" name="periodStart" type="date" required value="{E(form?["periodStart"])}">
              <label for="periodEnd">Reporting period end</label>
              <input id="periodEnd" name="periodEnd" type="date" required value="{E(form?["periodEnd"])}">
              <label for="responseDueDate">Supplier response due</label>
              <input id="responseDueDate" name="responseDueDate" type="date" required value="{E(form?["responseDueDate"])}">
              <button type="submit">Create campaign</button>
            </form>
            """ : "";
        return view.Render("Campaigns", $"""
            <h1>Campaigns</h1>
            {(campaigns.Count == 0 ? "<p>No campaigns yet.</p>" : $"""
              <table><thead><tr><th scope="col">Campaign</th><th scope="col">Period</th><th scope="col">Responses due</th>
              <th scope="col">Policy</th><th scope="col">Launched</th><th scope="col">Go to</th></tr></thead><tbody>{rows}</tbody></table>
              """)}
            {create}
            """, error is null ? 200 : 400);
    }

    private static IResult Dashboard(PageView view, Campaign campaign, CampaignDashboard d, TimeProvider clock, string? notice)
    {
        var states = Enum.GetNames<CaseState>();
        var max = Math.Max(1, d.CountsByState.Values.DefaultIfEmpty(0).Max());
        var stateRows = string.Concat(states.Select(s =>
        {
            var n = d.CountsByState.GetValueOrDefault(s);
            return $"""
                <tr><th scope="row"><a href="/campaigns/{campaign.Id}/suppliers?state={s}">{s}</a></th><td class="num">{n}</td>
                <td><svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="state-{s.ToLowerInvariant()}" width="{Math.Max(0.5, 100.0 * n / max).ToString("0.#", CultureInfo.InvariantCulture)}" height="10"/></svg></td></tr>
                """;
        }));
        var invalid = d.InvalidReasons.Count == 0 ? "<p>No invalid responses.</p>" : $"""
            <table><thead><tr><th scope="col">Finding</th><th scope="col">Example</th><th scope="col">Cases</th></tr></thead><tbody>
            {string.Concat(d.InvalidReasons.Select(r => $"<tr><td><code>{E(r.Code)}</code></td><td>{E(r.Example)}</td><td class=\"num\">{r.Count}</td></tr>"))}
            </tbody></table>
            """;
        var smelters = d.RedFlagSmelters.Count == 0 ? "<p>No smelter raised a red flag.</p>" : $"""
            <table><thead><tr><th scope="col">Smelter</th><th scope="col">CID</th><th scope="col">Metal</th><th scope="col">Country</th><th scope="col">Suppliers naming it</th></tr></thead><tbody>
            {string.Concat(d.RedFlagSmelters.Select(s => $"<tr><td>{E(s.Name)}</td><td>{E(s.Cid ?? "—")}</td><td>{E(s.Metal)}</td><td>{E(s.Country ?? "—")}</td><td class=\"num\">{s.Suppliers}</td></tr>"))}
            </tbody></table>
            """;
        var launch = view.IsOwner && campaign.LaunchedAt is null ? $"""
            <form method="post" action="/campaigns/{campaign.Id}/launch" id="launch">{view.Antiforgery()}
              <button type="submit">Launch: open a case for every in-scope supplier</button></form>
            """ : "";
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var launched = campaign.LaunchedAt is { } l ? DateOnly.FromDateTime(l.UtcDateTime) : (DateOnly?)null;
        var body = new StringBuilder($"""
            <h1>{E(campaign.Name)}</h1>
            <p>Period {campaign.PeriodStart:yyyy-MM-dd} – {campaign.PeriodEnd:yyyy-MM-dd} · responses due {campaign.ResponseDueDate:yyyy-MM-dd} ·
               policy {E(campaign.PolicyVersion)} · {(campaign.LaunchedAt is null ? "not launched" : "launched " + Html.Html.Date(campaign.LaunchedAt))}</p>
            <p><a href="/campaigns/{campaign.Id}/suppliers">Suppliers</a> · <a href="/escalations?campaign={campaign.Id}">Escalations</a> ·
               <a href="/campaigns/{campaign.Id}/report">Report</a></p>
            {launch}
            <section aria-labelledby="rate"><h2 id="rate">Response rate over time</h2>
            {ResponseChart.Render(d.ResponsesByDay, d.Cases, launched, today)}</section>
            <section aria-labelledby="states"><h2 id="states">Cases per state</h2>
            <table class="states"><thead><tr><th scope="col">State</th><th scope="col">Cases</th><th scope="col"><span class="visually-hidden">Share</span></th></tr></thead>
            <tbody>{stateRows}</tbody><tfoot><tr><th scope="row">Total</th><td class="num">{d.Cases}</td><td></td></tr></tfoot></table></section>
            <section aria-labelledby="invalid"><h2 id="invalid">Most common invalid reasons</h2>{invalid}</section>
            <section aria-labelledby="smelters"><h2 id="smelters">Smelters raising most red flags</h2>{smelters}</section>
            """);
        return view.Render(campaign.Name, body.ToString(), notice: notice is null ? null : E(notice));
    }
}
