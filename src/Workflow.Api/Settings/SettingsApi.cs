using System.Text.Json;
using Workflow.Api.Security;
using Workflow.Application.Email;
using Workflow.Application.Settings;
using Workflow.Application.SupplierLinks;
using Microsoft.Extensions.Options;

namespace Workflow.Api.Settings;

/// <summary>
/// GET/PUT /api/settings (the company, recipients, public base URL, supplier link grace days, logo) and the logo
/// itself at /brand/logo, anonymous because the supplier's page shows it.
/// </summary>
public static class SettingsApi
{
    // Unlike the rest of the API, nulls are written: every setting is always present, "null" meaning not set.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddWorkflowSettings(this IServiceCollection services)
    {
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<EffectiveSettings>();
        services.AddSingleton<SettingsEditor>();
        services.AddSingleton<ListeningAddress>();
        services.AddSingleton<SetupChecklistQuery>();
        return services;
    }

    public static void MapSettings(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/settings").RequireAuthorization(AccessPolicies.Read).WithTags("Settings");

        api.MapGet("/", async (EffectiveSettings settings, PublicUrls urls, IOptionsMonitor<SupplierLinkOptions> links, CancellationToken ct) =>
            Results.Json(View(await settings.GetAsync(ct), urls, links.CurrentValue), Json));

        // Fields not given keep their value; null clears one. The whole change is checked before anything is stored.
        api.MapPut("/", async (HttpRequest request, SettingsEditor editor, EffectiveSettings settings, PublicUrls urls,
            IOptionsMonitor<SupplierLinkOptions> links, CancellationToken ct) =>
        {
            JsonDocument body;
            try { body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct); }
            catch (JsonException e) { return Results.Problem(statusCode: 400, title: "Expected JSON", detail: e.Message); }
            using (body)
            {
                var (change, errors) = SettingsJson.Read(body.RootElement);
                if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Settings not saved");
                var result = await editor.SaveAsync(change, request.HttpContext.ActorOf(), ct);
                if (!result.Ok) return Results.ValidationProblem(result.Errors, title: "Settings not saved");
                return Results.Json(View(await settings.GetAsync(ct), urls, links.CurrentValue), Json);
            }
        }).RequireAuthorization(AccessPolicies.Owner);

        api.MapGet("/history", async (SettingsStore store, CancellationToken ct) => Results.Json(await store.HistoryAsync(200, ct), Json));

        app.MapGet(CompanyBrand.LogoPath, async (SettingsStore store, HttpContext http, CancellationToken ct) =>
        {
            if (await store.LogoAsync(ct) is not { } logo) return Results.NotFound();
            // nosniff and, for the logo path, a policy under which an SVG can neither run nor load anything (SecurityHeaders).
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "no-cache";
            return Results.File(logo.Data, logo.ContentType);
        }).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>
    /// Each setting as <c>{ value, overriddenBy }</c>: the value in force, and "configuration" when the operator's
    /// configuration fixed it (null otherwise). The logo only says whether there is one, its size and hash.
    /// </summary>
    private static object View(SettingsSnapshot s, PublicUrls urls, SupplierLinkOptions links)
    {
        static object Field<T>(Effective<T> e) => new { value = e.Value, overriddenBy = e.FromConfiguration ? "configuration" : null };
        var company = new Dictionary<string, object?>();
        foreach (var f in SettingFields.Company) company[f.Field["company.".Length..]] = Field(s[f]);
        company["logo"] = s.Logo is { } logo
            ? new { present = true, contentType = logo.ContentType, sizeBytes = logo.SizeBytes, sha256 = logo.Sha256, url = CompanyBrand.LogoPath }
            : new { present = false, contentType = (string?)null, sizeBytes = (int?)null, sha256 = (string?)null, url = (string?)null };
        return new
        {
            company,
            managementRecipients = Field(s.ManagementRecipients),
            procurementRecipients = Field(s.ProcurementRecipients),
            grievanceOfficers = Field(s.GrievanceOfficers),
            publicBaseUrl = new
            {
                value = s.PublicBaseUrl.Value,
                overriddenBy = s.PublicBaseUrl.FromConfiguration ? "configuration" : null,
                // What links use: the value, else the address the service listens on.
                effective = urls.Resolve(s.PublicBaseUrl.Value),
            },
            supplierLinkGraceDays = Field(s.GraceDays),
            // An operator's fixed lifetime from sending replaces the due-date rule (SupplierLinks:Lifetime).
            supplierLinkLifetimeOverride = links.Lifetime is { } l && l > TimeSpan.Zero ? l.ToString("c") : null,
        };
    }
}
