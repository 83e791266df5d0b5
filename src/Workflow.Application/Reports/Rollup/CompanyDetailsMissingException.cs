using Workflow.Application.Reports;
namespace Workflow.Application.Reports.Rollup;

/// <summary>The roll-up CMRT cannot be made until these settings fields (company.*) are filled in.</summary>
public sealed class CompanyDetailsMissingException(IReadOnlyList<string> missing)
    : Exception($"Fill in {string.Join(", ", missing)} on the settings page (/settings, or PUT /api/settings) before exporting the company's CMRT.")
{
    public IReadOnlyList<string> Missing { get; } = missing;
}
