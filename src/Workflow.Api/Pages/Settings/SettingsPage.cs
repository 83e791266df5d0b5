using Microsoft.Extensions.Options;
using Workflow.Api.Pages.Layout;
using Workflow.Api.Reference;
using Workflow.Api.Security;
using Workflow.Application.Email;
using Workflow.Application.Reference;
using Workflow.Application.Settings;
using Workflow.Application.Submissions;
using Workflow.Application.SupplierLinks;
using Workflow.Domain.Security;

namespace Workflow.Api.Pages.Settings;

/// <summary>
/// /settings: the company details and logo, who hears about escalations and terminations, how supplier links are
/// built and how long they work, and the reference lists. Every role reads it; the compliance owner changes it.
/// </summary>
public static class SettingsPage
{
    public static void MapSettingsPage(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/settings", async (HttpContext http, string? saved, CancellationToken ct) =>
            await RenderAsync(http, saved switch
            {
                "settings" => Notice.Info("Settings saved"),
                "reference-list" => Notice.Info("Reference list imported; it is now the active list for new evaluations."),
                _ => null,
            }, null, null, null, 200, ct));

        // IFormCollection as a parameter is what makes the anti-forgery middleware check the token on these posts.
        pages.MapPost("/settings", async (IFormCollection form, HttpContext http, SettingsEditor editor, EffectiveSettings settings, CancellationToken ct) =>
        {
            var current = await settings.GetAsync(ct);
            var change = new SettingsChange();
            // Only fields the form carried change; those fixed by configuration are shown as text, not posted.
            foreach (var field in SettingFields.All)
                if (form.ContainsKey(InputId(field)) && !current.FromConfiguration(field))
                    change.Values[field] = form[InputId(field)].ToString();
            var errors = new Dictionary<string, string[]>();
            if (form.Files.GetFile("logo") is { Length: > 0 } upload)
            {
                if (upload.Length > LogoCheck.MaxBytes)
                    errors["company.logo"] = [$"The logo is {upload.Length / 1024} KB; at most {LogoCheck.MaxBytes / 1024} KB is accepted."];
                else
                {
                    using var buffer = new MemoryStream();
                    await upload.CopyToAsync(buffer, ct);
                    change.SetLogo(new Logo(ContentTypeOf(upload), buffer.ToArray()));
                }
            }
            else if (form["removeLogo"] == "true") change.SetLogo(null);
            if (errors.Count == 0)
            {
                var result = await editor.SaveAsync(change, http.ActorOf(), ct);
                if (result.Ok) return Results.Redirect("/settings?saved=settings");
                errors = result.Errors.ToDictionary();
            }
            return await RenderAsync(http, Notice.Error("The settings were not saved; see the fields marked below."), errors, form, null, 400, ct);
        }).RequireAuthorization(AccessPolicies.Owner);

        pages.MapPost("/settings/reference-lists", async (IFormCollection form, HttpContext http, ReferenceListStore store, IOptions<UploadOptions> limits,
            CancellationToken ct) =>
        {
            var result = await ReferenceListUpload.ImportAsync(form.Files.GetFile("referenceFile"), form["referenceVersion"].ToString().Trim(),
                form["mergeWithActive"] == "true", limits.Value.MaxBytes * 5, store, http.ActorOf(), ct);
            if (result.Imported is not null) return Results.Redirect("/settings?saved=reference-list#reference-lists");
            return await RenderAsync(http, Notice.Error("The reference list was not imported."), null, null, $"{result.Title}: {result.Detail}", result.Status, ct);
        }).RequireAuthorization(AccessPolicies.Owner);
    }

    /// <summary>The form input of a setting: "company.contactEmail" → "company-contactEmail".</summary>
    public static string InputId(SettingField field) => field.Field.Replace('.', '-');

    /// <summary>The browser's type when it names one we take; else by the file's extension (browsers differ for SVG).</summary>
    private static string ContentTypeOf(IFormFile file) =>
        file.ContentType is LogoCheck.Png or LogoCheck.Svg ? file.ContentType
        : Path.GetExtension(file.FileName).Equals(".svg", StringComparison.OrdinalIgnoreCase) ? LogoCheck.Svg
        : Path.GetExtension(file.FileName).Equals(".png", StringComparison.OrdinalIgnoreCase) ? LogoCheck.Png
        : file.ContentType;

    private static async Task<IResult> RenderAsync(HttpContext http, Notice? notice, IReadOnlyDictionary<string, string[]>? errors,
        IFormCollection? form, string? referenceError, int status, CancellationToken ct)
    {
        var services = http.RequestServices;
        var snapshot = await services.GetRequiredService<EffectiveSettings>().GetAsync(ct);
        var model = new SettingsPageModel(snapshot,
            services.GetRequiredService<PublicUrls>().Resolve(snapshot.PublicBaseUrl.Value),
            http.User.IsInRole(Roles.ComplianceOwner),
            services.GetRequiredService<IOptions<SmtpOptions>>().Value.Host,
            services.GetRequiredService<IOptionsMonitor<SupplierLinkOptions>>().CurrentValue.Lifetime,
            await services.GetRequiredService<ReferenceListStore>().ListAsync(ct),
            await services.GetRequiredService<SettingsStore>().HistoryAsync(20, ct),
            errors ?? new Dictionary<string, string[]>(), form, referenceError, notice);
        return PageResult.Of<SettingsView, SettingsPageModel>(model, status);
    }
}
