using Workflow.Application.Reports;
namespace Workflow.Application.Reports.Rollup;

/// <summary>
/// The declaring company's own details for its roll-up CMRT; all are required. Kept on /settings (company.*), each
/// overridden by configuration section "Company" when set there (<see cref="Settings.EffectiveSettings"/>).
/// </summary>
public sealed class CompanyOptions
{
    public const string Section = "Company";

    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? AuthorizerName { get; set; }
    public string? AuthorizerTitle { get; set; }
    public string? AuthorizerEmail { get; set; }
    public string? AuthorizerPhone { get; set; }

    /// <summary>The settings fields still to fill in, e.g. "company.contactEmail".</summary>
    public IReadOnlyList<string> Missing() => new (string Key, string? Value)[]
        {
            (nameof(Name), Name), (nameof(Address), Address), (nameof(ContactName), ContactName), (nameof(ContactEmail), ContactEmail),
            (nameof(ContactPhone), ContactPhone), (nameof(AuthorizerName), AuthorizerName), (nameof(AuthorizerTitle), AuthorizerTitle),
            (nameof(AuthorizerEmail), AuthorizerEmail), (nameof(AuthorizerPhone), AuthorizerPhone),
        }
        .Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => $"company.{char.ToLowerInvariant(f.Key[0])}{f.Key[1..]}").ToList();
}
