using Workflow.Application.Reports;

namespace Workflow.Api.Reports;

/// <summary>The campaign report's figures and its Appendix A and the names to follow up, as the page shows them.</summary>
public sealed record ReportModel(CampaignReport Report, IReadOnlyList<AppendixARow> Appendix, IReadOnlyList<UnrecognisedSmelterRow> Unrecognised);
