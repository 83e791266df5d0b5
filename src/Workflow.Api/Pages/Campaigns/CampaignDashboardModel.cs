using Workflow.Api.Pages.Layout;
using Workflow.Api.Pages.Reevaluation;
using Workflow.Application.Campaigns;
using Workflow.Application.Queries;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>A campaign's dashboard: its figures, the response chart, whether the reader may launch it, and the
/// re-evaluation form's choices (null unless the reader may re-evaluate).</summary>
public sealed record CampaignDashboardModel(Campaign Campaign, CampaignDashboard Dashboard, ResponseChart? Chart, bool CanLaunch, Notice? Notice,
    ReevaluationChoices? Reevaluation = null);
