using Workflow.Api.Pages.Layout;
using Workflow.Api.Pages.Reevaluation;
using Workflow.Application.Campaigns;
using Workflow.Application.Queries;
using Workflow.Application.YearOverYear;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>A campaign's dashboard: its figures, the response curve, whether the reader may launch it, and the
/// re-evaluation form's choices (null unless the reader may re-evaluate).</summary>
/// <param name="NotYetSurveyed">In-scope suppliers without a case: what Launch would survey now.</param>
public sealed record CampaignDashboardModel(Campaign Campaign, CampaignDashboard Dashboard, ResponseCurve? Curve, bool CanLaunch, Notice? Notice,
    int NotYetSurveyed = 0, ReevaluationChoices? Reevaluation = null)
{
    /// <summary>Response rate, spend coverage, smelters and red flags against the previous campaign.</summary>
    public CampaignYearOverYear? AgainstLastYear { get; init; }

    /// <summary>The campaign's steps from import to report (<see cref="CampaignSteps"/>).</summary>
    public CampaignStepsModel? Steps { get; init; }

    /// <summary>The figures at a glance (tiles); null only if the campaign vanished between the two reads.</summary>
    public CampaignFigures? Figures { get; init; }

    public RedFlagBreakdown RedFlags { get; init; } = new([], []);
}
