using Workflow.Api.Security;
using Workflow.Application.Reevaluation;
using Workflow.Infrastructure.Jobs;

namespace Workflow.Api.Reevaluation;

/// <summary>Re-evaluation of a campaign's current submissions: simulate, or apply as a background job with progress.</summary>
public static class ReevaluationApi
{
    public sealed record ReevaluationBody(string? ReferenceListVersion, string? PolicyVersion, bool? Apply, bool? Notify, string? Reason);

    public static IServiceCollection AddWorkflowReevaluation(this IServiceCollection services)
    {
        services.AddSingleton<Reevaluations>();
        services.AddSingleton<ReevaluationRunner>();
        services.AddSingleton<IReevaluationQueue, HangfireReevaluationQueue>();
        services.AddTransient<ReevaluateCampaignJob>();
        return services;
    }

    public static void MapReevaluation(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/campaigns/{id:guid}/reevaluations", async (Guid id, ReevaluationBody? body, Reevaluations reevaluations,
            HttpContext http, CancellationToken ct) =>
        {
            var request = new ReevaluationRequest(body?.ReferenceListVersion, body?.PolicyVersion, body?.Apply ?? false, body?.Notify, body?.Reason);
            try
            {
                if (!request.Apply) return Results.Ok(await reevaluations.SimulateAsync(id, request, ct));
                var runId = await reevaluations.StartAsync(id, request, http.ActorOf(), ct);
                return Results.Accepted($"/api/jobs/{runId}", new { jobId = runId });
            }
            catch (ReevaluationRequestException e)
            {
                return Results.Problem(statusCode: 400, title: "Cannot re-evaluate", detail: e.Message);
            }
        }).RequireAuthorization(AccessPolicies.Owner).WithTags("Re-evaluation");

        app.MapGet("/api/jobs/{jobId:guid}", async (Guid jobId, Reevaluations reevaluations, CancellationToken ct) =>
            await reevaluations.GetRunAsync(jobId, ct) is { } run
                ? Results.Ok(run)
                : Results.Problem(statusCode: 404, title: "Job not found", detail: $"There is no job {jobId}."))
            .RequireAuthorization(AccessPolicies.Read).WithTags("Re-evaluation");
    }
}
