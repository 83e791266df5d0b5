using Microsoft.Net.Http.Headers;
using Workflow.Api.Security;
using Workflow.Application.Policies;
using Workflow.Rules.Policies;
using Workflow.Api.Campaigns;
using Workflow.Api.Cases;
using Workflow.Api.Errors;
using Workflow.Api.Escalations;
using Workflow.Api.Extensions;
using Workflow.Api.Health;
using Workflow.Api.Reference;
using Workflow.DevHost.Demo;

namespace Workflow.Api.Policies;

public sealed record RepinRequest(string? Version, string? Reason);

public static class PoliciesApi
{
    private const int MaxPolicyBytes = 1024 * 1024;

    public static void MapPolicies(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/policies").RequireAuthorization(AccessPolicies.Read).WithTags("Policies");

        api.MapGet("/", (PolicyCatalog catalog) => new
        {
            active = catalog.Active.Values.OrderBy(p => p.Version).Select(Summary),
            lastReloadErrors = catalog.LastErrors,
        });

        api.MapGet("/{version}", (string version, PolicyCatalog catalog) =>
            catalog.Get(version) is { } p ? Results.Ok(Summary(p)) : Results.Problem(statusCode: 404, title: "Not found", detail: $"Policy version '{version}' is not active."));

        // Body: the policy file itself, YAML (application/yaml, text/yaml) or JSON (application/json). Nothing else:
        // text/plain and form types are what a cross-site HTML form can send without a preflight.
        api.MapPost("/", async (HttpRequest request, PolicyAdministration admin, CancellationToken ct) =>
        {
            if (PolicyFormat(request) is not { } format) return UnsupportedMediaType(request);
            var text = await RequestBodies.ReadTextAsync(request, MaxPolicyBytes, ct);
            if (text is null) return TooLarge();
            try
            {
                var policy = admin.Save(text, format);
                return Results.Created($"/api/policies/{policy.Version}", Summary(policy));
            }
            catch (PolicyValidationException e)
            {
                return Invalid(e);
            }
        }).RequireAuthorization(AccessPolicies.Owner);

        api.MapPost("/reload", (PolicyCatalog catalog) =>
        {
            var errors = catalog.Reload();
            return Results.Ok(new { reloaded = errors.Count == 0, errors, active = catalog.Active.Keys.Order() });
        }).RequireAuthorization(AccessPolicies.Owner);

        app.MapPut("/api/campaigns/{id:guid}/policy", async (Guid id, RepinRequest request, PolicyAdministration admin, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Version) || string.IsNullOrWhiteSpace(request.Reason))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["Give the policy version and a reason; the change is audited."] });
            await admin.RepinAsync(id, request.Version.Trim(), http.ActorOf(), request.Reason.Trim(), ct);
            return Results.Ok(new { policyVersion = request.Version.Trim() });
        }).RequireAuthorization(AccessPolicies.Owner).WithTags("Policies");

        // Simulation: body is a draft policy file (not activated), or ?version= names an active one.
        app.MapPost("/api/campaigns/{id:guid}/simulations", async (Guid id, string? version, HttpRequest request,
            PolicyCatalog catalog, PolicySimulations simulations, CancellationToken ct) =>
        {
            Policy draft;
            if (version is not null)
            {
                draft = catalog.Get(version) ?? throw new PolicyNotActiveException($"Policy version '{version}' is not active.");
            }
            else
            {
                if (PolicyFormat(request) is not { } format) return UnsupportedMediaType(request);
                var text = await RequestBodies.ReadTextAsync(request, MaxPolicyBytes, ct);
                if (text is null) return TooLarge();
                if (string.IsNullOrWhiteSpace(text)) return Results.Problem(statusCode: 400, title: "No draft", detail: "Send the draft policy as the body, or ?version= an active one.");
                try
                {
                    draft = PolicyLoader.LoadText($"draft.{format}", text, catalog.Active.Values);
                }
                catch (PolicyValidationException e)
                {
                    return Invalid(e);
                }
            }
            return Results.Ok(await simulations.SimulateAsync(id, draft, ct));
        }).RequireAuthorization(AccessPolicies.Owner).WithTags("Policies");
    }

    /// <summary>"yaml" or "json" from the Content-Type; null for any other type.</summary>
    private static string? PolicyFormat(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.MediaType.Value?.ToLowerInvariant() switch
        {
            "application/yaml" or "text/yaml" => "yaml",
            "application/json" => "json",
            _ => null,
        } : null;

    private static IResult TooLarge() => Results.Problem(statusCode: 413, title: "Policy too large", detail: "A policy file must be under 1 MB.");

    private static IResult UnsupportedMediaType(HttpRequest request) => Results.Problem(statusCode: 415, title: "Unsupported media type",
        detail: $"Send the policy file with Content-Type application/yaml, text/yaml or application/json (got '{request.ContentType ?? "none"}').");

    private static object Summary(Policy p) => new
    {
        p.Version, p.Extends, p.Description, p.Source,
        coveredCountries = p.CoveredCountries.Order(),
        cahraCountries = p.CahraCountries.Order(),
        acceptableAuditStatuses = p.AcceptableAuditStatuses.Order(),
        concernList = p.ConcernList.Values,
        p.StrongProgramCriteria,
        p.MinimumSupplierResponseRate,
        redFlags = p.RedFlags.ToDictionary(kv => kv.Key, kv => kv.Value.ToString().ToLowerInvariant()),
    };

    private static IResult Invalid(PolicyValidationException e) => Results.Problem(statusCode: 400, title: "Invalid policy; nothing was changed",
        detail: string.Join("; ", e.Errors.Take(5).Select(x => x.ToString())), extensions: new Dictionary<string, object?> { ["errors"] = e.Errors });
}
