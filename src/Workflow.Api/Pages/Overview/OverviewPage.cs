using Microsoft.Extensions.Options;
using Workflow.Api.Pages.Layout;
using Workflow.Application.Queries;

namespace Workflow.Api.Pages.Overview;

/// <summary>/overview: every campaign on one page, one statement for all of them, with a chart by reporting year.</summary>
public static class OverviewPage
{
    public static void MapOverviewPage(this IEndpointRouteBuilder pages) =>
        pages.MapGet("/overview", async (CampaignFiguresQuery figures, IOptions<PageOptions> options, TimeProvider clock, CancellationToken ct) =>
        {
            var rows = await figures.AllAsync(options.Value.EscalationWindowDays, ct);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return PageResult.Of<OverviewView, OverviewModel>(new OverviewModel(rows, YearChart.Of(rows), today));
        });
}

public sealed record OverviewModel(IReadOnlyList<CampaignFigures> Campaigns, YearChart? Chart, DateOnly Today);
