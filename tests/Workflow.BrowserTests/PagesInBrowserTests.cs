using Workflow.Tests.Shared;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Workflow.BrowserTests.Support;
using Workflow.Domain.Security;
using Workflow.Application.Queries;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.BrowserTests;

[Collection(BrowserCollection.Name)]
public class PagesInBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SignIn_WithEnter_LandsOnTheEscalationQueue()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/escalations");
        Assert.Contains("/login", page.Url);
        Assert.Empty(await AccessibilityProblemsAsync(page));
        await fixture.ScreenshotAsync(page, "login");
        await page.GetByLabel("E-mail").FillAsync(BrowserFixture.EmailFor(Roles.Manager));
        await page.GetByLabel("Password").FillAsync(BrowserFixture.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/escalations");

        Assert.Equal("Escalations", await page.Locator("h1").TextContentAsync());
        await fixture.ScreenshotAsync(page, "escalations");
    }

    [Fact]
    public async Task Owner_ImportsSuppliers_LaunchesAndUploadsCmrt_SeesFindingsAtOnce()
    {
        var page = await fixture.SignedInPageAsync(Roles.ComplianceOwner);
        await page.GotoAsync("/campaigns");
        await page.GetByLabel("Name").FillAsync("Browser campaign 2026");
        await page.GetByLabel("Reporting period start").FillAsync("2026-01-01");
        await page.GetByLabel("Reporting period end").FillAsync("2026-12-31");
        await page.GetByLabel("Supplier response due").FillAsync("2027-03-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Browser campaign 2026");
        var dashboard = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "Suppliers", Exact = true }).ClickAsync();
        await page.GetByLabel("or paste the CSV").FillAsync("""
            name,email,country,spend,contactName
            Browser Alloys Ltd,alloys@browser.example,Germany,100.50,Ann
            Browser Tin Co,tin@browser.example,Japan,20,Bo
            Browser Gold AG,gold@browser.example,Switzerland,,Cy
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Imported 3 suppliers");
        await Assertions.Expect(page.Locator("#suppliers tbody tr")).ToHaveCountAsync(3);
        await fixture.ScreenshotAsync(page, "suppliers");

        await page.GotoAsync(dashboard);
        await fixture.ScreenshotAsync(page, "campaign-steps-before-launch");
        await page.GetByRole(AriaRole.Link, new() { Name = "3. Launch" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.question")).ToHaveTextAsync("Send the CMRT request to 3 in-scope suppliers?");
        Assert.Empty(await AccessibilityProblemsAsync(page));
        await fixture.ScreenshotAsync(page, "launch-confirmation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the CMRT request" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("3 cases opened");
        // Post/Redirect/Get: the outcome is a GET page, so a reload shows it again without launching again.
        Assert.Contains("launched=3", page.Url);
        await fixture.ScreenshotAsync(page, "campaign-dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "Suppliers", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Upload CMRT" }).First.ClickAsync();
        await page.GetByLabel("CMRT workbook").SetInputFilesAsync(new FilePayload
        {
            Name = "validation_needed.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Workflow.Cmrt.Writing.CmrtWorkbookWriter.Write(Workflow.Tests.Shared.GeneratedDeclarations.Invalid("3.01")),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();

        await Assertions.Expect(page.Locator("#declared-content")).ToBeVisibleAsync();
        Assert.True(await page.Locator("#declared-content .finding-note").CountAsync() > 0, "the upload's findings are shown at once, beside what they are about");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Uploaded validation_needed.xlsx");
        await fixture.ScreenshotAsync(page, "case-after-upload");
    }

    [Fact]
    public async Task Manager_DecidesAnEscalation_SeesTheStateChange()
    {
        var page = await fixture.SignedInPageAsync(Roles.Manager);
        await page.GotoAsync($"/escalations?campaign={fixture.DemoCampaignId}");
        var first = page.Locator("tbody input[name=case]").First;
        var caseId = (await first.GetAttributeAsync("value"))!.Split(':')[0];
        await first.CheckAsync();
        await page.GetByLabel("Decision", new() { Exact = true }).SelectOptionAsync("terminate");
        await page.GetByLabel("Reason (goes into the audit trail)").FillAsync("No answer after two requests and a call");
        await fixture.ScreenshotAsync(page, "escalations-before-decision");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to selected" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Decisions recorded");
        await Assertions.Expect(page.Locator("table tbody")).ToContainTextAsync("Terminated");
        await fixture.ScreenshotAsync(page, "decisions-recorded");

        await page.GotoAsync($"/cases/{caseId}");
        await Assertions.Expect(page.Locator("dl.summary")).ToContainTextAsync("Terminated");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("No answer after two requests and a call");
        await fixture.ScreenshotAsync(page, "case-after-decision");
    }

    [Fact]
    public async Task EveryPage_HasLabelledInputs_OneH1_OrderedHeadings()
    {
        var page = await fixture.SignedInPageAsync(Roles.ComplianceOwner);
        var escalated = (await fixture.App.Service<EscalationQueueQuery>().PageAsync(new EscalationFilter(null, null, null, 1, 1), CancellationToken.None)).Rows[0];
        var supplier = (await fixture.App.Service<Workflow.Application.Suppliers.SupplierQueries>().ListAsync(null, null, 0, 1, CancellationToken.None))[0];
        var product = (await fixture.App.Service<Workflow.Application.Products.ProductQueries>().ListAsync("WT-ECS-2", 0, 1, CancellationToken.None))[0];
        var asked = await fixture.App.ClientFor(WorkflowApp.AuditorKey)
            .GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{fixture.DemoCampaignId}/cases?state=ProductLevelRequested");
        var pages = new Dictionary<string, string>
        {
            ["page-product-register"] = "/products",
            ["page-product"] = $"/products/{product.Id}",
            ["page-case-product-level"] = $"/cases/{asked![0].GetProperty("id").GetGuid()}",
            ["page-register"] = "/suppliers",
            ["page-supplier"] = $"/suppliers/{supplier.Id}",
            ["page-escalations"] = "/escalations",
            ["page-campaigns"] = "/campaigns",
            ["page-campaign"] = $"/campaigns/{fixture.DemoCampaignId}",
            ["page-suppliers"] = $"/campaigns/{fixture.DemoCampaignId}/suppliers",
            ["page-products"] = $"/campaigns/{fixture.DemoCampaignId}/products",
            ["page-case"] = $"/cases/{escalated.CaseId}",
            ["page-rules"] = "/rules",
            ["page-workflow"] = "/workflow",
            ["page-launch-confirmation"] = $"/campaigns/{fixture.DemoCampaignId}/launch",
        };
        var problems = new List<string>();
        foreach (var (name, path) in pages)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            await fixture.ScreenshotAsync(page, name);
            problems.AddRange((await AccessibilityProblemsAsync(page)).Select(p => $"{path}: {p}"));
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task UnknownUrl_ShowsAPageInTheLayout_NotJson()
    {
        var page = await fixture.SignedInPageAsync(Roles.Auditor);

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This page does not exist");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to the start page" })).ToBeVisibleAsync();
        Assert.Empty(await AccessibilityProblemsAsync(page));
        await fixture.ScreenshotAsync(page, "page-not-found");
    }

    [Fact]
    public async Task Keyboard_TabReachesTheQueueFiltersAndDecisionControls()
    {
        var page = await fixture.SignedInPageAsync(Roles.Manager);
        await page.GotoAsync("/escalations");
        var reached = new List<string>();
        for (var i = 0; i < 80 && !reached.Contains("reason"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("() => document.activeElement?.id || document.activeElement?.getAttribute('name') || document.activeElement?.tagName"));
        }
        foreach (var control in new[] { "f-campaign", "f-reason", "f-age", "decision", "extendTo", "reason" })
            Assert.Contains(control, reached);

        // Enter in the filter field submits the filter form.
        await page.Locator("#f-reason").FillAsync("red flag");
        await page.Locator("#f-reason").PressAsync("Enter");
        await page.WaitForURLAsync("**reason=red*");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Escalations");
        await Assertions.Expect(page.Locator("#f-reason")).ToHaveValueAsync("red flag");
    }

    /// <summary>Unlabelled form controls, skipped heading levels, not exactly one h1, no lang: what a screen-reader user trips on.</summary>
    internal static async Task<IReadOnlyList<string>> AccessibilityProblemsAsync(IPage page)
    {
        var check = await page.EvaluateAsync<JsonElement>("""
            () => {
              const problems = [];
              for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
                const label = el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
                if (!label && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
                  problems.push('unlabelled ' + el.outerHTML.slice(0, 100));
              }
              let previous = 0;
              for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
                const level = Number(h.tagName[1]);
                if (level > previous + 1) problems.push(`heading jumps to ${h.tagName}: ${h.textContent.trim()}`);
                previous = level;
              }
              const h1 = document.querySelectorAll('h1').length;
              if (h1 !== 1) problems.push(`${h1} h1 elements`);
              if (!document.documentElement.lang) problems.push('no lang attribute');
              return problems;
            }
            """);
        return check.EnumerateArray().Select(p => p.GetString()!).ToList();
    }
}
