using Microsoft.Extensions.Options;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Writing;
using Workflow.Application.Reports;
using Workflow.Application.Settings;

namespace Workflow.Application.Reports.Rollup;

/// <summary>
/// Builds the roll-up CMRT for a campaign: derive, override, fill RMI's template (or write the same layout), read back.
/// </summary>
public sealed class RollupCmrtService(
    CampaignReportService reports,
    RollupOverrideStore overrides,
    EffectiveSettings settings,
    IOptionsMonitor<RollupOptions> options,
    IDeclarationEvaluator evaluator,
    TimeProvider clock)
{
    public async Task<RollupCmrt> BuildAsync(Guid campaignId, CancellationToken ct)
    {
        var (data, catalog) = await reports.LoadAsync(campaignId, ct);
        return await BuildAsync(data, catalog, ct);
    }

    /// <summary>From a campaign's data already loaded (live, or as of a frozen filing's day).</summary>
    public async Task<RollupCmrt> BuildAsync(ReportData data, SmelterCatalogResult catalog, CancellationToken ct)
    {
        var campaignId = data.Campaign.Id;
        // Read per build: details saved on /settings apply to the next export, no restart.
        var details = (await settings.GetAsync(ct)).Company;
        var missing = details.Missing();
        if (missing.Count > 0) throw new CompanyDetailsMissingException(missing);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var spec = RollupDeclaration.Derive(data, catalog, details, await overrides.CurrentAsync(campaignId, ct), today);
        var content = Write(spec, options.CurrentValue.CmrtTemplatePath);

        DeclarationEvaluation check;
        using (var stream = new MemoryStream(content, writable: false)) check = evaluator.Evaluate(stream, today);
        var errors = check.Findings.Where(f => f.Severity == FindingSeverity.Error).Select(f => $"{f.Location}: {f.Message}").ToList();
        var name = new string(details.Name!.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_').ToArray());
        return new RollupCmrt(content, $"{name}_CMRT_{spec.Version}_{data.Campaign.PeriodEnd:yyyy}.xlsx", check.Outcome.ToWire(), errors);
    }

    private static byte[] Write(CmrtWorkbookSpec spec, string? templatePath)
    {
        if (string.IsNullOrWhiteSpace(templatePath)) return CmrtWorkbookWriter.Write(spec);
        var path = Path.GetFullPath(templatePath);
        if (!File.Exists(path))
            throw new CmrtTemplateException($"Reports:CmrtTemplatePath names {path}, which does not exist; download the current CMRT from RMI or clear the setting.");
        using var template = File.OpenRead(path);
        return CmrtTemplateFiller.Fill(template, spec);
    }
}
