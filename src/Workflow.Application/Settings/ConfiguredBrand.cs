using Microsoft.Extensions.Options;
using Workflow.Application.Reports.Rollup;

namespace Workflow.Application.Settings;

/// <summary>The brand from configuration alone ("Company:Name"); no logo.</summary>
public sealed class ConfiguredBrand(IOptionsMonitor<CompanyOptions> company) : IBrandSource
{
    public ValueTask<CompanyBrand> GetAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(string.IsNullOrWhiteSpace(company.CurrentValue.Name) ? CompanyBrand.None : new CompanyBrand(company.CurrentValue.Name.Trim(), false));
}
