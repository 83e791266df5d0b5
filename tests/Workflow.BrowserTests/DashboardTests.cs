using Microsoft.Playwright;
using Workflow.BrowserTests.Support;
using Workflow.Domain.Security;

namespace Workflow.BrowserTests;

/// <summary>The demo campaign (with responses) as a reader sees it: dashboard, overview, report and workflow diagram.</summary>
[Collection(BrowserCollection.Name)]
public class DashboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task DemoCampaign_DashboardOverviewReportAndWorkflow_DrawnAndSortable()
    {
        var page = await fixture.SignedInPageAsync(Roles.Auditor);
        await page.SetViewportSizeAsync(1300, 900);
        var campaign = fixture.DemoCampaignId;

        await page.GotoAsync($"/campaigns/{campaign}");
        await Assertions.Expect(page.Locator("ul.tiles li")).Not.ToHaveCountAsync(0);
        var curve = page.Locator("figure.response-curve svg");
        Assert.True((await curve.BoundingBoxAsync())!.Height > 150, "the response curve is tall enough to read");
        await Assertions.Expect(page.Locator("g.due-marker text")).ToContainTextAsync("Due");
        var segments = await page.Locator("figure.state-bar rect").EvaluateAllAsync<double[]>("rs => rs.map(r => r.getBoundingClientRect().height)");
        Assert.All(segments, h => Assert.True(h >= 30, $"state bar segment {h}px high"));
        await fixture.ScreenshotAsync(page, "dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Overview across campaigns");
        await Assertions.Expect(page.Locator($"tr[data-campaign='{campaign}']")).ToHaveCountAsync(1);
        await fixture.ScreenshotAsync(page, "overview");

        await page.GotoAsync($"/campaigns/{campaign}/report");
        await Assertions.Expect(page.Locator("nav.toc a")).Not.ToHaveCountAsync(0);
        await page.Locator("nav.toc a[href='#appendix-a']").ClickAsync();
        Assert.EndsWith("#appendix-a", page.Url);
        Assert.True(await page.Locator("#appendix-a").IsVisibleAsync());
        // From the top, as a reader first sees it (a full-page shot taken scrolled down pins the sticky headers oddly).
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await fixture.ScreenshotAsync(page, "report");

        await page.GotoAsync("/workflow");
        await Assertions.Expect(page.Locator("svg.graphviz g.cluster")).Not.ToHaveCountAsync(0);
        await fixture.ScreenshotAsync(page, "workflow");

        // Sorting the campaign's supplier list by name: one click ascending, the next descending.
        await page.GotoAsync($"/campaigns/{campaign}/suppliers");
        var name = page.Locator("#suppliers thead th").First;
        await name.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(name).ToHaveAttributeAsync("aria-sort", "ascending");
        var ascending = await FirstColumnAsync(page);
        Assert.Equal(ascending.Order(StringComparer.CurrentCultureIgnoreCase).ToList(), ascending);
        await name.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(name).ToHaveAttributeAsync("aria-sort", "descending");
        var descending = await FirstColumnAsync(page);
        Assert.Equal(ascending.AsEnumerable().Reverse().ToList(), descending);
        await fixture.ScreenshotAsync(page, "suppliers-sorted");
    }

    private static async Task<List<string>> FirstColumnAsync(IPage page) =>
        (await page.Locator("#suppliers tbody tr td:first-child").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
}
