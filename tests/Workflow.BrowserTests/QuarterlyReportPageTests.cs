using Microsoft.Playwright;
using Workflow.Application.Grievances;
using Workflow.BrowserTests.Support;
using Workflow.Domain.Grievances;
using Workflow.Domain.Security;

namespace Workflow.BrowserTests;

/// <summary>The grievance quarterly report as an investigator reads and prints it.</summary>
[Collection(BrowserCollection.Name)]
public class QuarterlyReportPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Investigator_PicksAQuarter_SeesItsFiguresAndConcerns_WithoutAxeViolations_AndPrintsWithoutThePicker()
    {
        var store = fixture.App.Service<ConcernStore>();
        var named = await store.CreateAsync(new ConcernInput
        {
            Description = "Ore from a mine held by soldiers.", Smelter = "CID002468", Metal = "gold", ReporterName = "Browser Reporter",
        }, [], ConcernChannels.Web, "reporter", null, CancellationToken.None);
        await store.CreateAsync(new ConcernInput { Description = "Cash payments at the border.", Country = "Uganda" }, [], ConcernChannels.Hotline,
            "hotline", null, CancellationToken.None);
        await store.TransitionAsync(named.Id, ConcernState.UnderReview, "Reading it", "investigator@example.com", CancellationToken.None);

        var page = await fixture.SignedInPageAsync(Roles.Investigator);
        // The fixture's clock stands in January 2027: the page opens on the last complete quarter, 2026-Q4.
        await page.GotoAsync("/grievances/report");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("2026-Q4");
        await page.GetByLabel("Quarter", new() { Exact = true }).SelectOptionAsync("2027-Q1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the quarter" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("quarter=2027-Q1"));

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("2027-Q1");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = named.Reference })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "as CSV" })).ToHaveAttributeAsync("href", "/api/concerns/report.csv?quarter=2027-Q1");
        Assert.DoesNotContain("Browser Reporter", await page.ContentAsync());
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await fixture.ScreenshotAsync(page, "grievance-quarterly-report");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByLabel("Quarter", new() { Exact = true })).ToBeHiddenAsync();
        await fixture.ScreenshotAsync(page, "grievance-quarterly-report-print");
    }
}
