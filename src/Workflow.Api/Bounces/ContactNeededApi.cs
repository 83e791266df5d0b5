using Workflow.Api.Security;
using Workflow.Application.Bounces;
using Workflow.Application.Campaigns;
using Workflow.Application.Cases;

namespace Workflow.Api.Bounces;

public sealed record ResolveContactRequest(string? Reason);

/// <summary>The cases whose survey did not reach the supplier (a bounced primary address), and resolving them by hand.</summary>
public static class ContactNeededApi
{
    public static void MapContactNeeded(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/campaigns/{id:guid}/contact-needed", async (Guid id, CampaignStore campaigns, ContactNeeded list, CancellationToken ct) =>
            {
                _ = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
                return await list.ForCampaignAsync(id, ct);
            })
            .RequireAuthorization(AccessPolicies.Read).WithTags("Campaigns");

        // For when the address works after all or the supplier was reached another way; a changed address needs no call.
        app.MapPost("/api/cases/{id:guid}/contact-needed/resolve", async (Guid id, ResolveContactRequest request, ContactBounces bounces,
                HttpContext http, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(request.Reason))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Say how the supplier was reached; it is kept with the bounce."] });
                var resolved = await bounces.ResolveForCaseAsync(id, request.Reason.Trim(), http.ActorOf(), ct);
                return Results.Ok(new { resolved });
            })
            .RequireAuthorization(AccessPolicies.Owner).WithTags("Cases");
    }
}
