using System.Text.Json.Serialization;
using Workflow.Application.Reports;

namespace Workflow.Application.YearOverYear;

/// <summary>
/// A campaign against the previous one: response rate and spend coverage both years, smelters named this year that no
/// supplier named last year and the other way round, and red flags that are new. Without a previous campaign only
/// this year's figures are there and <see cref="Note"/> says why.
/// </summary>
public sealed record CampaignYearOverYear
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Guid? PreviousCampaignId { get; init; }
    public string? PreviousCampaignName { get; init; }
    public string? Note { get; init; }
    /// <summary>Suppliers that sent a file, in percent of those surveyed (the report's response rate).</summary>
    public required YearFigures<double?> ResponseRatePercent { get; init; }
    public required YearFigures<SpendCoverage?> SpendCoverage { get; init; }
    public IReadOnlyList<SmelterYearChange> NewSmelters { get; init; } = [];
    public IReadOnlyList<SmelterYearChange> DroppedSmelters { get; init; } = [];
    /// <summary>Red-flag smelters that were not red flags last year.</summary>
    public IReadOnlyList<RedFlagSmelter> NewRedFlagSmelters { get; init; } = [];
    /// <summary>Suppliers whose valid CMRT raises a red flag this year and did not last year (or had none).</summary>
    public IReadOnlyList<string> SuppliersNewlyRedFlagged { get; init; } = [];
}
