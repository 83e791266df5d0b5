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

public sealed record ReasonRequest(string? Reason);

public static class PoliciesApi
{
    private const int MaxPolicyBytes = 1024 * 1024;

    public static void MapPolicies(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/policies").RequireAuthorization(AccessPolicies.Read).WithTags("Policies");

        api.MapGet("/", (PolicyStore store, PolicyFolderImport import) =>
        {
            var records = store.List();
            return new
            {
                active = records.Where(r => r.IsActive).Select(r => Summary(store.Resolve(r), r)),
                drafts = records.Where(r => !r.IsActive).Select(r => DraftSummary(store, r)),
                lastReloadErrors = import.LastErrors,
            };
        });

        // Active versions and drafts alike, with their status, hash, who activated them and why, and their history.
        api.MapGet("/{version}", async (string version, PolicyStore store, CancellationToken ct) =>
        {
            if (await store.FindAsync(version, ct) is not { } record)
                return Results.Problem(statusCode: 404, title: "Not found", detail: $"No policy version '{version}' (active or draft).");
            var history = await store.HistoryAsync(version, ct);
            return Results.Ok(new { summary = record.IsActive ? Summary(store.Resolve(record), record) : DraftSummary(store, record), record.Text, history });
        });

        // Body: the policy file itself, YAML (application/yaml, text/yaml) or JSON (application/json). Nothing else:
        // text/plain and form types are what a cross-site HTML form can send without a preflight.
        api.MapPost("/", async (HttpRequest request, string? reason, PolicyAdministration admin, PolicyStore store, CancellationToken ct) =>
        {
            var (text, refused) = await PolicyTextAsync(request, ct);
            if (refused is not null) return refused;
            try
            {
                var write = await admin.ActivateTextAsync(text, request.HttpContext.ActorOf(), ReasonOr(reason, "activated through the API"), "api", ct);
                var body = Summary(store.Resolve(write.Record), write.Record);
                return write.Changed ? Results.Created($"/api/policies/{write.Record.Version}", body) : Results.Ok(body);
            }
            catch (PolicyValidationException e)
            {
                return Invalid(e);
            }
        }).RequireAuthorization(AccessPolicies.Owner);

        api.MapPost("/drafts", async (HttpRequest request, string? reason, PolicyAdministration admin, PolicyStore store, CancellationToken ct) =>
        {
            var (text, refused) = await PolicyTextAsync(request, ct);
            if (refused is not null) return refused;
            try
            {
                var write = await admin.SaveDraftAsync(text, request.HttpContext.ActorOf(), ReasonOr(reason, "draft saved through the API"), "api", ct);
                var body = write.Record.IsActive ? Summary(store.Resolve(write.Record), write.Record) : DraftSummary(store, write.Record);
                return write.Changed ? Results.Created($"/api/policies/{write.Record.Version}", body) : Results.Ok(body);
            }
            catch (PolicyValidationException e)
            {
                return Invalid(e);
            }
        }).RequireAuthorization(AccessPolicies.Owner);

        api.MapPost("/{version}/activate", async (string version, ReasonRequest? request, HttpContext http, PolicyAdministration admin,
            PolicyStore store, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request?.Reason))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Give a reason; the activation is audited."] });
            try
            {
                var write = await admin.ActivateAsync(version, http.ActorOf(), request.Reason.Trim(), ct);
                return Results.Ok(Summary(store.Resolve(write.Record), write.Record));
            }
            catch (PolicyValidationException e)
            {
                return Invalid(e);
            }
        }).RequireAuthorization(AccessPolicies.Owner);

        api.MapDelete("/{version}", async (string version, string? reason, HttpContext http, PolicyAdministration admin, CancellationToken ct) =>
        {
            await admin.DeleteDraftAsync(version, http.ActorOf(), ReasonOr(reason, "draft deleted through the API"), ct);
            return Results.NoContent();
        }).RequireAuthorization(AccessPolicies.Owner);

        // Reading the folder again imports new or edited files as drafts; it never changes an active version.
        api.MapPost("/reload", async (HttpContext http, PolicyFolderImport import, CancellationToken ct) =>
        {
            var report = await import.ImportAsync(http.ActorOf(), ct);
            return Results.Ok(new { reloaded = report.Errors.Count == 0, report.Drafts, report.Activated, report.Unchanged, report.Errors });
        }).RequireAuthorization(AccessPolicies.Owner);

        app.MapPut("/api/campaigns/{id:guid}/policy", async (Guid id, RepinRequest request, PolicyAdministration admin, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Version) || string.IsNullOrWhiteSpace(request.Reason))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["Give the policy version and a reason; the change is audited."] });
            await admin.RepinAsync(id, request.Version.Trim(), http.ActorOf(), request.Reason.Trim(), ct);
            return Results.Ok(new { policyVersion = request.Version.Trim() });
        }).RequireAuthorization(AccessPolicies.Owner).WithTags("Policies");

        // Simulation: body is a draft policy file (not stored), or ?version= names a stored version (active or draft).
        app.MapPost("/api/campaigns/{id:guid}/simulations", async (Guid id, string? version, HttpRequest request,
            PolicyStore store, PolicySimulations simulations, CancellationToken ct) =>
        {
            Policy draft;
            try
            {
                if (version is not null)
                {
                    draft = await store.FindAsync(version, ct) is { } record ? store.Resolve(record)
                        : throw new PolicyNotActiveException($"There is no policy version '{version}' (active or draft).");
                }
                else
                {
                    if (PolicyFormat(request) is not { } format) return UnsupportedMediaType(request);
                    var text = await RequestBodies.ReadTextAsync(request, MaxPolicyBytes, ct);
                    if (text is null) return TooLarge();
                    if (string.IsNullOrWhiteSpace(text)) return Results.Problem(statusCode: 400, title: "No draft", detail: "Send the draft policy as the body, or ?version= a stored one.");
                    draft = PolicyTexts.Resolve($"draft.{format}", text, "simulation", store.ParentOf);
                }
            }
            catch (PolicyValidationException e)
            {
                return Invalid(e);
            }
            return Results.Ok(await simulations.SimulateAsync(id, draft, ct));
        }).RequireAuthorization(AccessPolicies.Owner).WithTags("Policies");
    }

    /// <summary>The policy file in the body, or why it is refused (wrong media type, over 1 MB).</summary>
    private static async Task<(string Text, IResult? Refused)> PolicyTextAsync(HttpRequest request, CancellationToken ct)
    {
        if (PolicyFormat(request) is null) return ("", UnsupportedMediaType(request));
        return await RequestBodies.ReadTextAsync(request, MaxPolicyBytes, ct) is { } text ? (text, null) : ("", TooLarge());
    }

    private static string ReasonOr(string? reason, string fallback) => string.IsNullOrWhiteSpace(reason) ? fallback : reason.Trim();

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

    private static object DraftSummary(PolicyStore store, PolicyRecord r)
    {
        try
        {
            return Summary(store.Resolve(r), r);
        }
        catch (PolicyValidationException e)
        {
            // A draft whose draft parent was deleted: still listed, with why it cannot be activated.
            return new { r.Version, r.Extends, r.Status, r.Sha256, r.CreatedBy, r.CreatedAt, r.Source, errors = e.Errors };
        }
    }

    private static object Summary(Policy p, PolicyRecord r) => new
    {
        p.Version, p.Extends, p.Description, r.Source, r.Status, r.Sha256, r.CreatedBy, r.CreatedAt, r.ActivatedBy, r.ActivatedAt, r.Reason,
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
