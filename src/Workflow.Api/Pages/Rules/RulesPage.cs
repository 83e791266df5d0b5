using System.Text;
using Workflow.Api.Pages.Cases;
using Workflow.Api.Pages.Html;
using Workflow.Api.Security;
using Workflow.Infrastructure.Campaigns;
using Workflow.Infrastructure.Pages;
using Workflow.Infrastructure.Policies;
using Workflow.Rules.Policies;
using Workflow.Rules.Simulation;
using static Workflow.Api.Pages.Html.Html;

namespace Workflow.Api.Pages.Rules;

/// <summary>
/// /rules: the active policies as their files say them, and a draft editor: validate, simulate against a campaign's
/// current submissions (the diff), activate (saved through <see cref="PolicyAdministration"/>, never if invalid).
/// </summary>
public static class RulesPage
{
    private const string Template = """
        # A new policy version: every key not given is inherited from the one it extends.
        version: my-policy
        extends: default
        description: What changes and why.
        minimumSupplierResponseRate: 80
        """;

    public static void MapRulesPage(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/rules", async (HttpContext http, PolicyCatalog catalog, CampaignStore campaigns, CancellationToken ct) =>
            Render(new PageView(http), catalog, await campaigns.ListAsync(ct), Template, null, null, null, 200));

        pages.MapPost("/rules", async (IFormCollection form, HttpContext http, PolicyCatalog catalog, PolicyAdministration admin,
            PolicySimulations simulations, CampaignStore campaigns, CancellationToken ct) =>
        {
            var text = form["policy"].ToString();
            var action = form["action"].ToString();
            Guid? campaign = Guid.TryParse(form["campaign"], out var c) ? c : null;
            var list = await campaigns.ListAsync(ct);
            var view = new PageView(http);
            var json = text.TrimStart().StartsWith('{');
            try
            {
                switch (action)
                {
                    case "activate":
                        var saved = admin.Save(text, json ? "json" : "yaml");
                        return Render(view, catalog, list, text, campaign, $"Activated policy version {E(saved.Version)}; campaigns pinned to it use it from now on.", null, 200);
                    case "simulate":
                        if (campaign is null) return Render(view, catalog, list, text, campaign, "<span class=\"error\">Choose a campaign to simulate against.</span>", null, 400);
                        var draft = PolicyLoader.LoadText(json ? "draft.json" : "draft.yaml", text, catalog.Active.Values);
                        var report = await simulations.SimulateAsync(campaign.Value, draft, ct);
                        return Render(view, catalog, list, text, campaign, $"Simulated {E(draft.Version)} against {report.CasesEvaluated} submissions.", Diff(report), 200);
                    default:
                        var valid = PolicyLoader.LoadText(json ? "draft.json" : "draft.yaml", text, catalog.Active.Values);
                        return Render(view, catalog, list, text, campaign, $"Valid: version {E(valid.Version)} extends {E(valid.Extends ?? "nothing")}.", null, 200);
                }
            }
            catch (PolicyValidationException e)
            {
                var errors = "<span class=\"error\">The draft is not valid; nothing was changed.</span><ul class=\"errors\" id=\"policy-errors\">"
                    + string.Concat(e.Errors.Select(x => $"<li>{E(x.ToString())}</li>")) + "</ul>";
                return Render(view, catalog, list, text, campaign, errors, null, 400);
            }
            catch (PolicyNotActiveException e)
            {
                return Render(view, catalog, list, text, campaign, $"<span class=\"error\">{E(e.Message)}</span>", null, 409);
            }
        }).RequireAuthorization(Policies.Owner);

        // Re-pinning changes which policy a campaign's future evaluations and timed decisions use; past evaluations
        // keep the version they were made with. Recorded in the campaign's audit with the owner's reason.
        pages.MapPost("/rules/pin", async (IFormCollection form, HttpContext http, PolicyCatalog catalog, PolicyAdministration admin,
            CampaignStore campaigns, CancellationToken ct) =>
        {
            var view = new PageView(http);
            var version = form["version"].ToString().Trim();
            var reason = form["reason"].ToString().Trim();
            Guid? campaign = Guid.TryParse(form["campaign"], out var c) ? c : null;
            string? problem = campaign is null ? "Choose the campaign to pin."
                : version.Length == 0 ? "Choose the policy version."
                : reason.Length == 0 ? "Give a reason; it goes into the campaign's audit." : null;
            if (problem is not null)
                return Render(view, catalog, await campaigns.ListAsync(ct), Template, campaign, $"<span class=\"error\">{E(problem)}</span>", null, 400);
            try
            {
                await admin.RepinAsync(campaign!.Value, version, http.ActorOf(), reason, ct);
            }
            catch (PolicyNotActiveException e)
            {
                return Render(view, catalog, await campaigns.ListAsync(ct), Template, campaign, $"<span class=\"error\">{E(e.Message)}</span>", null, 409);
            }
            var list = await campaigns.ListAsync(ct);
            var name = list.FirstOrDefault(x => x.Id == campaign)?.Name ?? campaign.ToString();
            return Render(view, catalog, list, Template, campaign, $"Campaign {E(name)} now uses policy {E(version)}.", null, 200);
        }).RequireAuthorization(Policies.Owner);
    }

    private static string Diff(SimulationReport report)
    {
        var outcomes = string.Join(", ", report.OutcomesBefore.Keys.Union(report.OutcomesAfter.Keys).Order()
            .Select(o => $"{o}: {report.OutcomesBefore.GetValueOrDefault(o)} → {report.OutcomesAfter.GetValueOrDefault(o)}"));
        if (report.Changes.Count == 0)
            return $"<section aria-labelledby=\"diff\"><h2 id=\"diff\">Simulation</h2><p>No case would change ({E(outcomes)}).</p></section>";
        var rows = new StringBuilder();
        foreach (var change in report.Changes)
        {
            var added = change.Added.Select(f => new FindingLine(f.Code, f.Severity.ToString(), f.Location, f.Message, f.Rule, f.Because, f.Cid)).ToList();
            var removed = change.Removed.Select(f => new FindingLine(f.Code, f.Severity.ToString(), f.Location, f.Message, f.Rule, f.Because, f.Cid)).ToList();
            rows.Append($"""
                <tr><td><a href="/cases/{E(change.CaseId)}">{E(change.CaseId[..8])}…</a></td>
                <td>{E(change.OutcomeBefore)} → {E(change.OutcomeAfter)}</td>
                <td>{E(change.DeterminationBefore ?? "—")} → {E(change.DeterminationAfter ?? "—")}</td>
                <td>{(added.Count == 0 ? "" : "<strong>added</strong> " + string.Join("; ", added.Select(f => E($"{f.Code}: {f.Because ?? f.Message}"))))}
                    {(removed.Count == 0 ? "" : "<br><strong>removed</strong> " + string.Join("; ", removed.Select(f => E($"{f.Code}: {f.Because ?? f.Message}"))))}
                    {(change.Reasons.Count == 0 ? "" : "<br>" + E(string.Join("; ", change.Reasons)))}</td></tr>
                """);
        }
        return $"""
            <section aria-labelledby="diff"><h2 id="diff">Simulation: {report.Changes.Count} of {report.CasesEvaluated} cases would change</h2>
            <p>{E(report.ActivePolicyVersion)} → {E(report.DraftPolicyVersion)}, reference list {E(report.ReferenceListVersion)}, as of {report.AsOf:yyyy-MM-dd}. Outcomes: {E(outcomes)}.</p>
            <table id="simulation"><thead><tr><th scope="col">Case</th><th scope="col">Outcome</th><th scope="col">Determination</th><th scope="col">Findings</th></tr></thead>
            <tbody>{rows}</tbody></table></section>
            """;
    }

    private static IResult Render(PageView view, PolicyCatalog catalog, IReadOnlyList<Campaign> campaigns, string draft, Guid? campaign,
        string? notice, string? diff, int status)
    {
        var active = new StringBuilder();
        foreach (var p in catalog.Active.Values.OrderBy(p => p.Version == PolicyLoader.DefaultVersion ? "" : p.Version))
        {
            var text = File.Exists(p.Source) ? File.ReadAllText(p.Source) : "(built in; no file)";
            var pinned = campaigns.Where(c => c.PolicyVersion == p.Version).Select(c => c.Name).ToList();
            active.Append($"""
                <details{(p.Version == PolicyLoader.DefaultVersion ? "" : " open")}><summary><strong>{E(p.Version)}</strong>
                {(p.Extends is null ? "" : $"extends {E(p.Extends)}")} · {E(p.Description)} · pinned by {(pinned.Count == 0 ? "no campaign" : E(string.Join(", ", pinned)))}</summary>
                <pre class="policy">{E(text)}</pre></details>
                """);
        }
        var reloadErrors = catalog.LastErrors.Count == 0 ? "" :
            "<p class=\"error\">The policy folder has files that were not loaded:</p><ul class=\"errors\">" + string.Concat(catalog.LastErrors.Select(e => $"<li>{E(e.ToString())}</li>")) + "</ul>";
        var editor = view.IsOwner ? $"""
            <form method="post" action="/rules" class="stacked" id="draft">
              {view.Antiforgery()}
              <h2>Draft policy</h2>
              <label for="policy">Policy (YAML or JSON)</label>
              <textarea id="policy" name="policy" rows="16" spellcheck="false" required>{E(draft)}</textarea>
              <label for="campaign">Campaign to simulate against</label>
              <select id="campaign" name="campaign">{Options([("", "Choose…"), .. campaigns.Select(c => (c.Id.ToString(), c.Name))], campaign?.ToString())}</select>
              <div class="buttons">
                <button type="submit" name="action" value="validate">Validate</button>
                <button type="submit" name="action" value="simulate">Simulate</button>
                <button type="submit" name="action" value="activate">Activate</button>
              </div>
            </form>
            <form method="post" action="/rules/pin" class="stacked" id="pin">
              {view.Antiforgery()}
              <h2>Pin a campaign to a policy</h2>
              <p class="hint">The campaign's future evaluations and timed decisions use the pinned version; earlier evaluations keep the version they were made with.</p>
              <label for="pin-campaign">Campaign</label>
              <select id="pin-campaign" name="campaign" required>{Options([("", "Choose…"), .. campaigns.Select(c => (c.Id.ToString(), $"{c.Name} (now {c.PolicyVersion})"))], campaign?.ToString())}</select>
              <label for="pin-version">Policy version</label>
              <select id="pin-version" name="version" required>{Options([("", "Choose…"), .. catalog.Active.Keys.Order().Select(v => (v, v))], null)}</select>
              <label for="pin-reason">Reason</label>
              <input id="pin-reason" name="reason" required maxlength="500">
              <div class="buttons"><button type="submit">Pin</button></div>
            </form>
            """ : "<p class=\"hint\">Read-only: only a compliance owner edits policies.</p>";
        return view.Render("Rules", $"""
            <h1>Rules</h1>
            <section aria-labelledby="active"><h2 id="active">Active policies</h2>{reloadErrors}{active}</section>
            {diff}
            {editor}
            """, status, notice);
    }
}
