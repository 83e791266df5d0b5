using Workflow.Application.Settings;

namespace Workflow.Application.Email;

/// <summary>
/// Links put into e-mails: the public base URL setting (database, or configuration "PublicBaseUrl" which overrides
/// it), else the address this service listens on. Read per message, so a changed setting applies to the next one.
/// </summary>
public sealed class PublicUrls(EffectiveSettings settings, ListeningAddress listening)
{
    public async Task<string> BaseAsync(CancellationToken ct = default) => Resolve((await settings.GetAsync(ct)).PublicBaseUrl.Value);

    /// <summary>The base for a known setting value: it, else where the service listens.</summary>
    public string Resolve(string? configured) =>
        !string.IsNullOrWhiteSpace(configured) ? configured.Trim().TrimEnd('/') : listening.Base ?? "http://localhost";

    public static string SupplierPage(string baseUrl, string token) => $"{baseUrl}/supplier/{token}";
    public static string Escalations(string baseUrl) => $"{baseUrl}/escalations";
}
