using Workflow.Api.Pages.Layout;
using Workflow.Api.Security;
using Workflow.Application.Campaigns;
using Workflow.Application.Policies;
using Workflow.Rules.Policies;
using Workflow.Rules.Simulation;
using Workflow.Domain.Security;
using Workflow.Application.Cases;

namespace Workflow.Api.Pages.Rules;

/// <summary>
/// /rules: the active policy versions as stored (text, SHA-256, who activated them and why), the drafts, and a draft
/// editor: validate, save as a draft, simulate against a campaign's current submissions (the diff), activate (through
/// <see cref="PolicyAdministration"/>: never if invalid, never over an active version with other content).
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
        pages.MapGet("/rules", async (HttpContext http, PolicyStore store, PolicyFolderImport import, CampaignStore campaigns, TimeProvider clock,
            string? edit, string? saved, string? activated, string? unchanged, string? deleted, string? pinned, Guid? campaign, CancellationToken ct) =>
        {
            // After a form's redirect (Post/Redirect/Get) the query names what was done; each notice is checked against
            // the store, so a crafted link cannot make the page claim something that did not happen.
            var list = await campaigns.ListAsync(ct);
            var notice = saved is { Length: > 0 } && store.Find(saved) is { } record
                ? Notice.Info(record.IsActive
                    ? $"Policy version {record.Version} is already active with exactly these values; nothing changed."
                    : $"Saved draft {record.Version}. Simulate it against a campaign (below, under Drafts), then activate it.")
                : activated is { Length: > 0 } && store.Find(activated) is { IsActive: true } active
                ? Notice.Info(unchanged == "1"
                    ? $"Policy version {active.Version} was already active with exactly this content; nothing changed."
                    : $"Activated policy version {active.Version} (SHA-256 {active.Sha256[..12]}…); pin a campaign to it to use it.")
                : deleted is { Length: > 0 } && store.Find(deleted) is null
                ? Notice.Info($"Deleted draft {deleted}.")
                : pinned is { Length: > 0 } && list.FirstOrDefault(x => x.Id == campaign) is { } pinnedCampaign && pinnedCampaign.PolicyVersion == pinned
                ? Notice.Info($"Campaign {pinnedCampaign.Name} now uses policy {pinned}.")
                : null;
            return Render(http, store, import, list, Template, campaign, notice, null, 200,
                PolicyFormPage.Start(store, clock, edit ?? (saved is { Length: > 0 } && notice is not null ? saved : null)));
        });

        pages.MapPost("/rules/form", async (IFormCollection form, HttpContext http, PolicyStore store, PolicyFolderImport import, PolicyAdministration admin,
            CampaignStore campaigns, TimeProvider clock, CancellationToken ct) =>
        {
            var values = PolicyFormPost.Read(form);
            var reason = form["reason"].ToString().Trim();
            var startedFrom = form["startedFrom"].ToString();
            var list = await campaigns.ListAsync(ct);
            IResult Invalid(string message, IReadOnlyDictionary<string, IReadOnlyList<string>> errors, IReadOnlyList<string> details, int status) =>
                Render(http, store, import, list, Template, null,
                    Notice.Error(message, details, "form-errors"), null, status, PolicyFormPage.Posted(store, values, startedFrom, errors, reason));
            try
            {
                var saved = await admin.SaveDraftAsync(values.ToYaml(), http.ActorOf(), reason.Length > 0 ? reason : "saved with the form on the rules page", "page form", ct);
                return new SeeOther($"/rules?saved={Uri.EscapeDataString(saved.Record.Version)}#{(saved.Record.IsActive ? "policy" : "draft")}-{saved.Record.Version}");
            }
            catch (PolicyValidationException e)
            {
                var errors = e.Errors.GroupBy(values.FieldOf)
                    .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => $"{x.KeyPath}: {x.Message}").ToList());
                return Invalid("The form has values the policy does not accept; nothing was saved.", errors,
                    e.Errors.Select(x => x.KeyPath.Length == 0 ? x.Message : $"{x.KeyPath}: {x.Message}").ToList(), 400);
            }
            catch (PolicyConflictException e)
            {
                return Invalid("Nothing was saved.", new Dictionary<string, IReadOnlyList<string>> { ["version"] = [$"version: {e.Message}"] }, [e.Message], 409);
            }
        }).RequireAuthorization(AccessPolicies.Owner);

        pages.MapPost("/rules", async (IFormCollection form, HttpContext http, PolicyStore store, PolicyFolderImport import, PolicyAdministration admin,
            PolicySimulations simulations, CampaignStore campaigns, CancellationToken ct) =>
        {
            var text = form["policy"].ToString();
            var action = form["action"].ToString();
            var reason = form["reason"].ToString().Trim();
            var stored = form["version"].ToString().Trim();
            Guid? campaign = Guid.TryParse(form["campaign"], out var c) ? c : null;
            var list = await campaigns.ListAsync(ct);
            IResult Page(Notice notice, int status, SimulationReport? report = null) =>
                Render(http, store, import, list, text.Length == 0 ? Template : text, campaign, notice, report, status);
            try
            {
                switch (action)
                {
                    case "activate" when reason.Length == 0:
                        // An invalid text is reported first: its errors matter more than the missing reason.
                        if (stored.Length == 0) PolicyTexts.Resolve("draft." + PolicyTexts.FormatOf(text), text, "page", store.Get);
                        return Page(Notice.Error("Give a reason for the activation; it is kept with the version."), 400);
                    case "activate":
                        var activated = stored.Length > 0
                            ? await admin.ActivateAsync(stored, http.ActorOf(), reason, ct)
                            : await admin.ActivateTextAsync(text, http.ActorOf(), reason, "page", ct);
                        return new SeeOther($"/rules?activated={Uri.EscapeDataString(activated.Record.Version)}{(activated.Changed ? "" : "&unchanged=1")}#policy-{activated.Record.Version}");
                    case "save-draft":
                        var saved = await admin.SaveDraftAsync(text, http.ActorOf(), reason.Length > 0 ? reason : "draft saved on the rules page", "page", ct);
                        return new SeeOther($"/rules?saved={Uri.EscapeDataString(saved.Record.Version)}#{(saved.Record.IsActive ? "policy" : "draft")}-{saved.Record.Version}");
                    case "delete-draft":
                        await admin.DeleteDraftAsync(stored, http.ActorOf(), reason.Length > 0 ? reason : "draft deleted on the rules page", ct);
                        return new SeeOther($"/rules?deleted={Uri.EscapeDataString(stored)}");
                    case "simulate":
                        if (campaign is null) return Page(Notice.Error("Choose a campaign to simulate against."), 400);
                        var draft = stored.Length > 0
                            ? (await store.FindAsync(stored, ct) is { } record ? store.Resolve(record) : throw new NotFoundException("Policy version", stored))
                            : PolicyTexts.Resolve("draft." + PolicyTexts.FormatOf(text), text, "page", store.ParentOf);
                        var report = await simulations.SimulateAsync(campaign.Value, draft, ct);
                        return Page(Notice.Info($"Simulated {draft.Version} against {report.CasesEvaluated} submissions."), 200, report);
                    default:
                        var valid = PolicyTexts.Resolve("draft." + PolicyTexts.FormatOf(text), text, "page", store.ParentOf);
                        return Page(Notice.Info($"Valid: version {valid.Version} extends {valid.Extends ?? "nothing"}."), 200);
                }
            }
            catch (PolicyValidationException e)
            {
                return Page(Notice.Error("The draft is not valid; nothing was changed.", e.Errors.Select(x => x.ToString()).ToList(), "policy-errors"), 400);
            }
            catch (PolicyNotActiveException e)
            {
                return Page(Notice.Error(e.Message), 409);
            }
            catch (PolicyConflictException e)
            {
                return Page(Notice.Error(e.Message), 409);
            }
            catch (NotFoundException e)
            {
                return Page(Notice.Error(e.Message), 404);
            }
        }).RequireAuthorization(AccessPolicies.Owner);

        // Re-pinning changes which policy a campaign's future evaluations and timed decisions use; past evaluations
        // keep the version they were made with. Recorded in the campaign's audit with the owner's reason.
        pages.MapPost("/rules/pin", async (IFormCollection form, HttpContext http, PolicyStore store, PolicyFolderImport import, PolicyAdministration admin,
            CampaignStore campaigns, CancellationToken ct) =>
        {
            var version = form["version"].ToString().Trim();
            var reason = form["reason"].ToString().Trim();
            Guid? campaign = Guid.TryParse(form["campaign"], out var c) ? c : null;
            string? problem = campaign is null ? "Choose the campaign to pin."
                : version.Length == 0 ? "Choose the policy version."
                : reason.Length == 0 ? "Give a reason; it goes into the campaign's audit." : null;
            if (problem is not null)
                return Render(http, store, import, await campaigns.ListAsync(ct), Template, campaign, Notice.Error(problem), null, 400);
            try
            {
                await admin.RepinAsync(campaign!.Value, version, http.ActorOf(), reason, ct);
            }
            catch (PolicyNotActiveException e)
            {
                return Render(http, store, import, await campaigns.ListAsync(ct), Template, campaign, Notice.Error(e.Message), null, 409);
            }
            return new SeeOther($"/rules?pinned={Uri.EscapeDataString(version)}&campaign={campaign}");
        }).RequireAuthorization(AccessPolicies.Owner);
    }

    private static IResult Render(HttpContext http, PolicyStore store, PolicyFolderImport import, IReadOnlyList<Campaign> campaigns, string draft,
        Guid? campaign, Notice? notice, SimulationReport? simulation, int status, PolicyFormModel? form = null)
    {
        var records = store.List();
        var versions = records.OrderBy(r => r.Version == PolicyLoader.DefaultVersion ? "" : r.Version)
            .Select(r => new StoredPolicy(r, Describe(store, r), campaigns.Where(c => c.PolicyVersion == r.Version).Select(c => c.Name).ToList(),
                r.Version == PolicyLoader.DefaultVersion))
            .ToList();
        return PageResult.Of<RulesView, RulesModel>(new RulesModel(versions.Where(v => v.Record.IsActive).ToList(), versions.Where(v => !v.Record.IsActive).ToList(),
            import.LastErrors, campaigns, versions.Where(v => v.Record.IsActive).Select(v => v.Record.Version).Order().ToList(),
            draft, campaign, simulation, http.User.IsInRole(Roles.ComplianceOwner), notice,
            form ?? PolicyFormPage.Start(store, http.RequestServices.GetRequiredService<TimeProvider>(), null)), status);
    }

    /// <summary>The description, or for a draft that no longer resolves, why.</summary>
    private static string? Describe(PolicyStore store, PolicyRecord record)
    {
        try
        {
            return store.Resolve(record).Description;
        }
        catch (PolicyValidationException e)
        {
            return "cannot be activated: " + string.Join("; ", e.Errors.Select(x => x.Message));
        }
    }
}
