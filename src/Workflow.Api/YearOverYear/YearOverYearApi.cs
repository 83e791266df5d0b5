using Workflow.Api.Security;
using Workflow.Application.YearOverYear;

namespace Workflow.Api.YearOverYear;

public static class YearOverYearApi
{
    /// <summary>A case against the supplier's previous case; the campaign-level block is part of the report.</summary>
    public static void MapYearOverYear(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/cases/{id:guid}/year-over-year", (Guid id, CaseYearOverYearQuery query, CancellationToken ct) => query.GetAsync(id, ct))
            .RequireAuthorization(AccessPolicies.Read).WithTags("Cases");
}
