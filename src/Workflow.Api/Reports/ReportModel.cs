using Workflow.Api.Pages.Layout;
using Workflow.Application.Filings;
using Workflow.Application.Reports;

namespace Workflow.Api.Reports;

/// <summary>
/// The campaign report's figures, its Appendix A, the names to follow up and the campaign's frozen filings, as the page
/// shows them; <see cref="CanFreeze"/> when the viewer is a compliance owner.
/// </summary>
public sealed record ReportModel(
    CampaignReport Report,
    IReadOnlyList<AppendixARow> Appendix,
    IReadOnlyList<UnrecognisedSmelterRow> Unrecognised,
    IReadOnlyList<FrozenFiling> Filings,
    bool CanFreeze,
    Notice? Notice = null,
    string? ReasonEntered = null)
{
    /// <summary>Whether a legal hold keeps the campaign's files and messages past the retention period.</summary>
    public bool OnLegalHold { get; init; }
}
