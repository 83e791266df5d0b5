namespace Workflow.Infrastructure.Email;

/// <summary>Links put into e-mails, built from the "PublicBaseUrl" setting (how recipients reach this service).</summary>
public sealed class PublicUrls(string? baseUrl)
{
    public string Base { get; } = (string.IsNullOrWhiteSpace(baseUrl) ? "http://127.0.0.1:5080" : baseUrl).TrimEnd('/');
    public string SupplierPage(string token) => $"{Base}/supplier/{token}";
    public string Escalations => $"{Base}/escalations";
}
