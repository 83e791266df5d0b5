using Microsoft.Extensions.Configuration;

namespace Workflow.Application.Email;

/// <summary>
/// Links put into e-mails, built from the "PublicBaseUrl" setting (how recipients reach this service); read per link,
/// so a changed setting applies to the next message without a restart.
/// </summary>
public sealed class PublicUrls(IConfiguration configuration)
{
    public string Base => configuration["PublicBaseUrl"] is { } url && !string.IsNullOrWhiteSpace(url) ? url.TrimEnd('/') : "http://127.0.0.1:5080";
    public string SupplierPage(string token) => $"{Base}/supplier/{token}";
    public string Escalations => $"{Base}/escalations";
}
