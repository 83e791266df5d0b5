using Workflow.Application.Reports;

namespace Workflow.Api.Reports;

/// <summary>The campaign report's figures and its Appendix A, as the page shows them.</summary>
public sealed record ReportModel(CampaignReport Report, IReadOnlyList<AppendixARow> Appendix);
