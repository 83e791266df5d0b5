using Microsoft.Playwright;
using Workflow.BrowserTests.Support;
using Workflow.Domain.Security;
using Workflow.Application.Cases;
using Workflow.Application.SupplierLinks;

namespace Workflow.BrowserTests;

/// <summary>
/// Every page renders under the strict Content-Security-Policy (no inline script or style): Chromium reports each
/// refused script, style or image on the console, and a page that relied on one would look or work differently.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ContentSecurityPolicyTests(BrowserFixture fixture)
{
    private static List<string> CollectViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add($"{page.Url}: {message.Text}");
        };
        return violations;
    }

    [Fact]
    public async Task StaffPages_ReportPageAndJobs_LoadWithoutAnyPolicyViolation()
    {
        var page = await fixture.SignedInPageAsync(Roles.ComplianceOwner);
        var violations = CollectViolations(page);
        var campaign = fixture.DemoCampaignId;
        var someCase = (await fixture.App.Service<CaseQueries>().ListAsync(campaign, null, 0, 1, CancellationToken.None))[0].Id;

        foreach (var path in new[] { "/escalations", "/campaigns", $"/campaigns/{campaign}", $"/campaigns/{campaign}/suppliers",
                     $"/cases/{someCase}", "/rules", "/workflow", $"/campaigns/{campaign}/report", "/overview", "/hangfire" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path}: {response.Status}");
            Assert.StartsWith("default-src 'self'", await response.HeaderValueAsync("content-security-policy") ?? "");
        }

        Assert.Empty(violations);
        await page.GotoAsync($"/campaigns/{campaign}");
        // The stacked state bar is drawn: a segment as wide as its share, not a zero-width span whose style was refused.
        var widest = await page.Locator("figure.state-bar rect").EvaluateAllAsync<double>("rects => Math.max(...rects.map(r => r.getBoundingClientRect().width))");
        Assert.True(widest > 20, $"widest state bar is {widest}px");
        await page.GotoAsync($"/campaigns/{campaign}/report");
        await fixture.ScreenshotAsync(page, "report");
        Assert.Equal("collapse", await page.Locator("table").First.EvaluateAsync<string>("t => getComputedStyle(t).borderCollapse"));
    }

    [Fact]
    public async Task SupplierPortal_LoadsWithoutAnyPolicyViolation_AndSendsNoReferrer()
    {
        var campaign = fixture.DemoCampaignId;
        var someCase = (await fixture.App.Service<CaseQueries>().ListAsync(campaign, null, 0, 1, CancellationToken.None))[0].Id;
        var token = fixture.App.Service<SupplierLinkSigner>().Create(someCase);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        var violations = CollectViolations(page);

        var response = await page.GotoAsync($"/supplier/{token}");

        Assert.True(response!.Ok);
        Assert.Equal("no-referrer", await response.HeaderValueAsync("referrer-policy"));
        Assert.Empty(violations);
        await fixture.ScreenshotAsync(page, "supplier-portal");
    }
}
