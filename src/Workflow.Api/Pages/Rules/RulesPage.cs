using Workflow.Api.Pages.Layout;
using Workflow.Api.Security;
using Workflow.Application.Campaigns;
using Workflow.Application.Policies;
using Workflow.Rules.Policies;
using Workflow.Rules.Simulation;
using Workflow.Domain.Security;

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
            Render(http, catalog, await campaigns.ListAsync(ct), Template, null, null, null, 200));

        pages.MapPost("/rules", async (IFormCollection form, HttpContext http, PolicyCatalog catalog, PolicyAdministration admin,
            PolicySimulations simulations, CampaignStore campaigns, CancellationToken ct) =>
        {
            var text = form["policy"].ToString();
            var action = form["action"].ToString();
            Guid? campaign = Guid.TryParse(form["campaign"], out var c) ? c : null;
            var list = await campaigns.ListAsync(ct);
            var json = text.TrimStart().StartsWith('{');
            try
            {
                switch (action)
                {
                    case "activate":
                        var saved = admin.Save(text, json ? "json" : "yaml");
                        return Render(http, catalog, list, text, campaign, Notice.Info($"Activated policy version {saved.Version}; campaigns pinned to it use it from now on."), null, 200);
                    case "simulate":
                        if (campaign is null) return Render(http, catalog, list, text, campaign, Notice.Error("Choose a campaign to simulate against."), null, 400);
                        var draft = PolicyLoader.LoadText(json ? "draft.json" : "draft.yaml", text, catalog.Active.Values);
                        var report = await simulations.SimulateAsync(campaign.Value, draft, ct);
                        return Render(http, catalog, list, text, campaign, Notice.Info($"Simulated {draft.Version} against {report.CasesEvaluated} submissions."), report, 200);
                    default:
                        var valid = PolicyLoader.LoadText(json ? "draft.json" : "draft.yaml", text, catalog.Active.Values);
                        return Render(http, catalog, list, text, campaign, Notice.Info($"Valid: version {valid.Version} extends {valid.Extends ?? "nothing"}."), null, 200);
                }
            }
            catch (PolicyValidationException e)
            {
                var errors = Notice.Error("The draft is not valid; nothing was changed.", e.Errors.Select(x => x.ToString()).ToList(), "policy-errors");
                return Render(http, catalog, list, text, campaign, errors, null, 400);
            }
            catch (PolicyNotActiveException e)
            {
                return Render(http, catalog, list, text, campaign, Notice.Error(e.Message), null, 409);
            }
        }).RequireAuthorization(AccessPolicies.Owner);

        // Re-pinning changes which policy a campaign's future evaluations and timed decisions use; past evaluations
        // keep the version they were made with. Recorded in the campaign's audit with the owner's reason.
        pages.MapPost("/rules/pin", async (IFormCollection form, HttpContext http, PolicyCatalog catalog, PolicyAdministration admin,
            CampaignStore campaigns, CancellationToken ct) =>
        {
            var version = form["version"].ToString().Trim();
            var reason = form["reason"].ToString().Trim();
            Guid? campaign = Guid.TryParse(form["campaign"], out var c) ? c : null;
            string? problem = campaign is null ? "Choose the campaign to pin."
                : version.Length == 0 ? "Choose the policy version."
                : reason.Length == 0 ? "Give a reason; it goes into the campaign's audit." : null;
            if (problem is not null)
                return Render(http, catalog, await campaigns.ListAsync(ct), Template, campaign, Notice.Error(problem), null, 400);
            try
            {
                await admin.RepinAsync(campaign!.Value, version, http.ActorOf(), reason, ct);
            }
            catch (PolicyNotActiveException e)
            {
                return Render(http, catalog, await campaigns.ListAsync(ct), Template, campaign, Notice.Error(e.Message), null, 409);
            }
            var list = await campaigns.ListAsync(ct);
            var name = list.FirstOrDefault(x => x.Id == campaign)?.Name ?? campaign.ToString();
            return Render(http, catalog, list, Template, campaign, Notice.Info($"Campaign {name} now uses policy {version}."), null, 200);
        }).RequireAuthorization(AccessPolicies.Owner);
    }

    private static IResult Render(HttpContext http, PolicyCatalog catalog, IReadOnlyList<Campaign> campaigns, string draft, Guid? campaign,
        Notice? notice, SimulationReport? simulation, int status)
    {
        var active = catalog.Active.Values.OrderBy(p => p.Version == PolicyLoader.DefaultVersion ? "" : p.Version)
            .Select(p => new ActivePolicy(p.Version, p.Extends, p.Description,
                File.Exists(p.Source) ? File.ReadAllText(p.Source) : "(built in; no file)",
                campaigns.Where(c => c.PolicyVersion == p.Version).Select(c => c.Name).ToList(), p.Version == PolicyLoader.DefaultVersion))
            .ToList();
        return PageResult.Of<RulesView, RulesModel>(new RulesModel(active, catalog.LastErrors, campaigns, catalog.Active.Keys.Order().ToList(),
            draft, campaign, simulation, http.User.IsInRole(Roles.ComplianceOwner), notice), status);
    }
}
