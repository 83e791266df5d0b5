using Workflow.Api.Security;
using Workflow.Application.Cases;
using Workflow.Api.Campaigns;
using Workflow.Api.Cases;
using Workflow.Api.Errors;
using Workflow.Api.Extensions;
using Workflow.Api.Health;
using Workflow.Api.Policies;
using Workflow.Api.Reference;
using Workflow.DevHost.Demo;

namespace Workflow.Api.Escalations;

public static class EscalationsApi
{
    public static void MapEscalations(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/escalations", (Guid? campaignId, int? offset, int? limit, CaseQueries cases, CancellationToken ct) =>
                cases.EscalationsAsync(campaignId, Math.Max(0, offset ?? 0), Math.Clamp(limit ?? 500, 1, 5_000), ct))
            .RequireAuthorization(AccessPolicies.Read).WithTags("Escalations");
}
