using Workflow.Api.Pages.Layout;
using Workflow.Api.Security;
using Workflow.Application.Campaigns;
using Workflow.Application.Cases;
using Workflow.Application.Reevaluation;
using Workflow.Application.Reference;
using Workflow.Domain.Security;
using Workflow.Rules.Policies;

namespace Workflow.Api.Pages.Reevaluation;

/// <summary>
/// /campaigns/{id}/reevaluation (the simulation for the chosen versions, and "Apply", which redirects to the job's
/// progress) and /jobs/{id} (the progress, refreshing itself until the job finishes).
/// </summary>
public static class ReevaluationPages
{
    public static void MapReevaluationPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/campaigns/{id:guid}/reevaluation", async (Guid id, string? referenceList, string? policy, HttpContext http,
            CampaignStore campaigns, Reevaluations reevaluations, CancellationToken ct) =>
        {
            var campaign = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            try
            {
                var simulation = await reevaluations.SimulateAsync(id, new ReevaluationRequest(referenceList, policy), ct);
                return PageResult.Of<ReevaluationSimulationView, ReevaluationSimulationModel>(
                    new ReevaluationSimulationModel(campaign, simulation, http.User.IsInRole(Roles.ComplianceOwner), null));
            }
            catch (ReevaluationRequestException e)
            {
                return Results.Problem(statusCode: 400, title: "Cannot re-evaluate", detail: e.Message);
            }
        }).RequireAuthorization(AccessPolicies.Owner);

        pages.MapPost("/campaigns/{id:guid}/reevaluation", async (Guid id, IFormCollection form, HttpContext http, Reevaluations reevaluations,
            CancellationToken ct) =>
        {
            var request = new ReevaluationRequest(NullIfEmpty(form["referenceList"]), NullIfEmpty(form["policy"]), Apply: true,
                Notify: form["notify"] == "true", Reason: NullIfEmpty(form["reason"]));
            try
            {
                var runId = await reevaluations.StartAsync(id, request, http.ActorOf(), ct);
                return Results.Redirect($"/jobs/{runId}");
            }
            catch (ReevaluationRequestException e)
            {
                return Results.Problem(statusCode: 400, title: "Cannot re-evaluate", detail: e.Message);
            }
        }).RequireAuthorization(AccessPolicies.Owner);

        pages.MapGet("/jobs/{jobId:guid}", async (Guid jobId, Reevaluations reevaluations, CampaignStore campaigns, CancellationToken ct) =>
        {
            var run = await reevaluations.GetRunAsync(jobId, ct) ?? throw new NotFoundException("Job", jobId);
            var campaign = await campaigns.GetAsync(run.CampaignId, ct);
            return PageResult.Of<JobProgressView, JobProgressModel>(new JobProgressModel(run, campaign?.Name ?? run.CampaignId.ToString()));
        });
    }

    /// <summary>The form's choices for the campaign page (compliance owners only).</summary>
    public static async Task<ReevaluationChoices> ChoicesAsync(Campaign campaign, ReferenceListStore references, IPolicySource catalog, CancellationToken ct) =>
        new(campaign.Id, campaign.PolicyVersion, (await references.ListAsync(ct)).Select(l => l.Version).ToList(), catalog.Active.Keys.Order().ToList());

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
