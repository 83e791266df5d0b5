using Workflow.Application.Reports;
namespace Workflow.Application.Reports.Rollup;

/// <summary>The roll-up CMRT cannot be made until these configuration keys are set.</summary>
public sealed class CompanyDetailsMissingException(IReadOnlyList<string> missing)
    : Exception($"Set {string.Join(", ", missing)} in the configuration before exporting the company's CMRT.")
{
    public IReadOnlyList<string> Missing { get; } = missing;
}
