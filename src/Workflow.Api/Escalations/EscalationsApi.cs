using Workflow.Api.Security;
using Workflow.Infrastructure.Cases;

namespace Workflow.Api.Extensions;

public static class EscalationsApi
{
    public static void MapEscalations(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/escalations", (Guid? campaignId, int? offset, int? limit, CaseQueries cases, CancellationToken ct) =>
                cases.EscalationsAsync(campaignId, Math.Max(0, offset ?? 0), Math.Clamp(limit ?? 500, 1, 5_000), ct))
            .RequireAuthorization(Policies.Read).WithTags("Escalations");
}
