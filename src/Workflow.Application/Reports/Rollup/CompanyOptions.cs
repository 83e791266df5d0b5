using Workflow.Application.Reports;
namespace Workflow.Application.Reports.Rollup;

/// <summary>The declaring company's own details for its roll-up CMRT (section "Company"); all are required.</summary>
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

    /// <summary>The configuration keys still to fill in, e.g. "Company:ContactEmail".</summary>
    public IReadOnlyList<string> Missing() => new (string Key, string? Value)[]
        {
            (nameof(Name), Name), (nameof(Address), Address), (nameof(ContactName), ContactName), (nameof(ContactEmail), ContactEmail),
            (nameof(ContactPhone), ContactPhone), (nameof(AuthorizerName), AuthorizerName), (nameof(AuthorizerTitle), AuthorizerTitle),
            (nameof(AuthorizerEmail), AuthorizerEmail), (nameof(AuthorizerPhone), AuthorizerPhone),
        }
        .Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => $"{Section}:{f.Key}").ToList();
}
