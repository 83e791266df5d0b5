using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Workflow.BrowserTests.Support;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Writing;
using Workflow.DevHost.Demo;
using Workflow.Domain.Security;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.Tests.Shared;

namespace Workflow.BrowserTests;

/// <summary>What the supplier declared on the case page, and two submissions compared, as a compliance manager sees them.</summary>
[Collection(BrowserCollection.Name)]
public class DeclaredContentTests(BrowserFixture fixture)
{
    [Fact]
    public async Task CasePage_ShowsTheDeclaration_AndTheComparePageItsChanges()
    {
        var owner = fixture.App.ClientFor(WorkflowApp.OwnerKey);
        var campaign = await owner.CreateCampaignAsync("Declared content 2026");
        await owner.ImportCsvAsync(campaign, "name,email,country,spend,contactName\nDeclared Metals GmbH,metals@declared.example,Germany,250,Jane Doe\n");
        var caseId = (await owner.LaunchAndListAsync(campaign))[0].GetProperty("id").GetGuid();

        // Smelters from the demo's reference list (the active one): conformant, active and unaudited ones.
        var list = DemoSmelters.Create();
        var picked = Enum.GetValues<Metal>().SelectMany(m => list.All.Where(s => s.Metal == m).Skip(8).Take(3))
            .Append(list.All.First(s => s.AuditStatus == "Active")).Append(list.All.First(s => s.AuditStatus is null)).ToList();
        var first = GeneratedDeclarations.Complete("6.5") with
        {
            CompanyName = "Declared Metals GmbH",
            Smelters = picked.Select(s => new SmelterLine(s.Metal.ToString(), s.StandardName, s.StandardName, s.Country, s.Cid)).ToList(),
            Products = [new("DM-100", "Copper busbar"), new("DM-200", "Solder paste, lead-free", "RoHS"), new("DM-300", "Gold-plated pin")],
        };
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(CmrtWorkbookWriter.Write(first)), "file", "declared-metals-2026.xlsx" } })
            Assert.True((await owner.PostAsync($"/api/cases/{caseId}/submissions", form)).IsSuccessStatusCode);
        var covered = GeneratedDeclarations.CoveredCountryTin("6.5");
        var second = first with
        {
            CompanyName = "<script>alert(1)</script> =HYPERLINK(\"http://evil.example\",\"click\")",
            ContactEmail = "jane at declared",
            MetalAnswers = covered.MetalAnswers,
            Smelters = [.. first.Smelters.Skip(1), new SmelterLine("Tin", "Smelter not listed", "Unlisted Tin Works", "Bolivia", null)],
            Products = [first.Products[0], first.Products[1] with { Name = "Solder paste, lead-free, 2026 formula" }, new("DM-400", "Tantalum capacitor")],
        };

        // The corrected file comes later: with the fixture's frozen clock both would carry the same receipt time, and
        // which one is "older" would be up to the database.
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(5));
        var page = await fixture.SignedInPageAsync(Roles.ComplianceOwner);
        await page.GotoAsync($"/cases/{caseId}");
        await page.GetByLabel("CMRT workbook").SetInputFilesAsync(new FilePayload
        {
            Name = "declared-metals-2026-corrected.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = CmrtWorkbookWriter.Write(second),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();

        await Assertions.Expect(page.Locator("#declared-content")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#declared-q-covered")).ToContainTextAsync("red flag");
        await Assertions.Expect(page.Locator("#declared-company-name")).ToContainTextAsync("<script>alert(1)</script>");
        await Assertions.Expect(page.Locator("#declared-smelter-list")).ToContainTextAsync("RMAP conformant");
        await Assertions.Expect(page.Locator("#declared-smelter-list")).ToContainTextAsync("not in the reference list");
        await Assertions.Expect(page.Locator("#declared-product-list")).ToContainTextAsync("Tantalum capacitor");
        Assert.Empty(await PagesInBrowserTests.AccessibilityProblemsAsync(page));
        await fixture.ScreenshotAsync(page, "case-declared");

        await page.GetByRole(AriaRole.Link, new() { Name = "Compare two submissions side by side" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Compare submissions");
        await Assertions.Expect(page.Locator("td.changed-cell").First).ToContainTextAsync("changed");
        await Assertions.Expect(page.Locator("#smelter-changes tr.change-added")).ToContainTextAsync("Unlisted Tin Works");
        await Assertions.Expect(page.Locator("#smelter-changes tr.change-removed")).ToContainTextAsync("removed");
        Assert.Empty(await PagesInBrowserTests.AccessibilityProblemsAsync(page));
        await fixture.ScreenshotAsync(page, "case-compare");
    }
}
