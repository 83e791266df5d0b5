using Workflow.Api.Security;
using Workflow.Application.Retention;
using Workflow.Infrastructure.Jobs;

namespace Workflow.Api.Retention;

/// <summary>Retention of supplier files and message bodies, and the legal hold that suspends it for a campaign.</summary>
public static class RetentionApi
{
    public sealed record HoldRequest(bool? OnHold, string? Reason);

    public static IServiceCollection AddWorkflowRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.RetentionYears >= 1, "Records:RetentionYears must be at least 1.").ValidateOnStart();
        services.AddSingleton<RetentionPurge>();
        services.AddTransient<RetentionPurgeJob>();
        return services;
    }

    public static void MapRetention(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{id:guid}/legal-hold").WithTags("Retention");

        api.MapGet("", async (Guid id, RetentionPurge retention, CancellationToken ct) =>
            new { campaignId = id, onHold = await retention.IsOnHoldAsync(id, ct) }).RequireAuthorization(AccessPolicies.Read);

        api.MapPut("", async (Guid id, HoldRequest request, RetentionPurge retention, HttpContext http, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (request.OnHold is null) errors["onHold"] = ["Say true to place the hold or false to lift it."];
            if (string.IsNullOrWhiteSpace(request.Reason)) errors["reason"] = ["Say why (e.g. the matter or request); it goes into the campaign's audit trail."];
            if (errors.Count > 0) return Results.ValidationProblem(errors);
            await retention.SetHoldAsync(id, request.OnHold!.Value, http.ActorOf(), request.Reason!.Trim(), ct);
            return Results.Ok(new { campaignId = id, onHold = request.OnHold });
        }).RequireAuthorization(AccessPolicies.Owner);
    }
}
