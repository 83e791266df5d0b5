using Workflow.Application.ProductDeterminations;
using Workflow.Application.YearOverYear;

namespace Workflow.Application.Reports;

/// <summary>
/// The figures of a Conflict Minerals Report for one campaign, all computed from stored cases, submissions and the
/// audit trail. <see cref="Summary"/> states them in the seed report's words.
/// </summary>
public sealed record CampaignReport
{
    public required Guid CampaignId { get; init; }
    public required string CampaignName { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }
    public required DateOnly ResponseDueDate { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    /// <summary>The last day counted ("effort through"); null when the report counts everything up to <see cref="GeneratedAt"/>.</summary>
    public DateOnly? AsOf { get; init; }
    public required ResponseFigures Responses { get; init; }
    public required ValidityFigures Validity { get; init; }
    public required DeterminationFigures Determinations { get; init; }
    public required IReadOnlyList<RedFlagSmelter> RedFlagSmelters { get; init; }
    public required SmelterFigures Smelters { get; init; }
    public required ScopeFigures Scopes { get; init; }
    public required ProgramStrengthFigures ProgramStrength { get; init; }
    public required FollowUpFigures FollowUp { get; init; }
    public required IReadOnlyDictionary<string, int> CasesByState { get; init; }
    public required IReadOnlyList<string> PolicyVersions { get; init; }
    public required IReadOnlyList<string> ReferenceListVersions { get; init; }
    public required IReadOnlyList<string> Summary { get; init; }
    /// <summary>In-scope spend with a valid CMRT behind it (set by <see cref="CampaignReportService"/>, which reads spend).</summary>
    public SpendCoverage? SpendCoverage { get; init; }
    /// <summary>This campaign against the previous one (set by <see cref="CampaignReportService"/>).</summary>
    public CampaignYearOverYear? YearOverYear { get; init; }
    /// <summary>Our products per determination, as of the same cutoff (set by <see cref="CampaignReportService"/>, which reads the bill of materials).</summary>
    public ProductFigures? Products { get; init; }
    /// <summary>The grievance mechanism's activity in the reporting period (set by <see cref="CampaignReportService"/>, which reads concerns).</summary>
    public GrievanceMechanismFigures? GrievanceMechanism { get; init; }
}
