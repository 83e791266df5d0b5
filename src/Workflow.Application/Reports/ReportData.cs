using Workflow.Application.Campaigns;

namespace Workflow.Application.Reports;

/// <summary>Everything a campaign report is computed from, loaded once per request.</summary>
public sealed record ReportData(
    Campaign Campaign,
    IReadOnlyList<ReportCase> Cases,
    IReadOnlyList<string> PolicyVersions,
    IReadOnlyList<string> ReferenceListVersions);
