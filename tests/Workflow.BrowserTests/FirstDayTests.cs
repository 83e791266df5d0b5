using Microsoft.Playwright;
using Workflow.BrowserTests.Support;
using Workflow.Cmrt.Writing;
using Workflow.Domain.Security;
using Workflow.Tests.Shared;

namespace Workflow.BrowserTests;

/// <summary>
/// A compliance team's first day, through the pages only: sign in, fill in the settings, create a campaign, import the
/// suppliers, review them, launch after the confirmation, upload a CMRT on a supplier's behalf, let a manager decide
/// the escalation it caused, then freeze the filing and download the report. Every page on the way is photographed and
/// checked with axe-core.
/// </summary>
[Collection(BrowserCollection.Name)]
public class FirstDayTests(BrowserFixture fixture)
{
    private readonly List<string> _violations = [];
    private int _shot;

    [Fact]
    public async Task FirstDay_FromSignInToAFrozenFiling_ThroughThePagesOnly()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, AcceptDownloads = true });
        var owner = await context.NewPageAsync();

        // Sign in.
        await owner.GotoAsync("/campaigns");
        Assert.Contains("/login", owner.Url);
        await Step(owner, "sign-in");
        await owner.GetByLabel("E-mail").FillAsync(BrowserFixture.EmailFor(Roles.ComplianceOwner));
        await owner.GetByLabel("Password").FillAsync(BrowserFixture.Password);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await owner.WaitForURLAsync("**/campaigns");
        await Step(owner, "campaigns-with-checklist");

        // Settings: the company as the roll-up and the supplier page name it, and who hears of escalations.
        await owner.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        foreach (var (label, value) in new[]
                 {
                     ("Company name", "First Day Turbines A/S"), ("Address", "Hedeager 42, 8200 Aarhus, Denmark"),
                     ("Contact name", "Dana Holm"), ("Contact e-mail", "compliance@firstday.example"), ("Contact phone", "+45 1234 5678"),
                     ("Authorizer name", "Erik Lund"), ("Authorizer title", "VP Supply Chain"),
                     ("Authorizer e-mail", "erik.lund@firstday.example"), ("Authorizer phone", "+45 8765 4321"),
                 })
            await owner.GetByLabel(label, new() { Exact = true }).FillAsync(value);
        await owner.GetByLabel("Management recipients", new() { Exact = true }).FillAsync("vp@firstday.example");
        await owner.GetByLabel("Procurement recipients", new() { Exact = true }).FillAsync("buyers@firstday.example");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(owner.Locator(".notice").First).ToContainTextAsync("Settings saved");
        await Assertions.Expect(owner.Locator("header")).ToContainTextAsync("First Day Turbines A/S");
        await Step(owner, "settings-saved");

        // A campaign: nothing to launch before suppliers are imported.
        await owner.GetByRole(AriaRole.Link, new() { Name = "Campaigns", Exact = true }).ClickAsync();
        await owner.GetByLabel("Name").FillAsync("First day 2026");
        await owner.GetByLabel("Reporting period start").FillAsync("2026-01-01");
        await owner.GetByLabel("Reporting period end").FillAsync("2026-12-31");
        await owner.GetByLabel("Supplier response due").FillAsync("2027-03-31");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Assertions.Expect(owner.Locator("h1")).ToHaveTextAsync("First day 2026");
        var dashboard = owner.Url;
        Assert.Equal(0, await owner.GetByRole(AriaRole.Link, new() { Name = "3. Launch" }).CountAsync());
        await Step(owner, "campaign-new");

        // Import.
        await owner.GetByRole(AriaRole.Link, new() { Name = "1. Import suppliers" }).ClickAsync();
        await owner.GetByLabel("or paste the CSV").FillAsync("""
            name,email,country,spend,contactName,language
            Nordic Tin Oy,tin@nordic.example,FI,2500,Aino,en
            Shenzhen Solder Ltd,solder@shenzhen.example,CN,1800,Li,zh
            Iberia Wire SA,wire@iberia.example,Spain,900,Luis,es
            """);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(owner.Locator(".notice").First).ToContainTextAsync("3 suppliers");
        await Step(owner, "suppliers-imported");

        // Review, then launch after the question naming the count.
        await owner.GotoAsync(dashboard);
        await owner.GetByRole(AriaRole.Link, new() { Name = "2. Review the supplier list" }).ClickAsync();
        await Assertions.Expect(owner.Locator("#suppliers tbody tr")).ToHaveCountAsync(3);
        await Step(owner, "suppliers-review");
        await owner.GotoAsync(dashboard);
        await owner.GetByRole(AriaRole.Link, new() { Name = "3. Launch" }).ClickAsync();
        await Assertions.Expect(owner.Locator("form#launch")).ToContainTextAsync("Send the CMRT request to 3 in-scope suppliers?");
        await Step(owner, "launch-confirm");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Send the CMRT request" }).ClickAsync();
        await Assertions.Expect(owner.Locator(".notice").First).ToContainTextAsync("3");
        Assert.DoesNotContain("/launch", owner.Url);
        await Step(owner, "campaign-launched");

        // A supplier sent its CMRT by e-mail attachment to the team: the owner uploads it on the supplier's behalf.
        await owner.GetByRole(AriaRole.Link, new() { Name = "4. Follow up" }).ClickAsync();
        await owner.GetByRole(AriaRole.Link, new() { Name = "Upload CMRT" }).First.ClickAsync();
        var caseUrl = owner.Url.Split('#')[0];
        await owner.GetByLabel("CMRT workbook").SetInputFilesAsync(new FilePayload
        {
            Name = "nordic-tin-cmrt.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = CmrtWorkbookWriter.Write(GeneratedDeclarations.CoveredCountryTin("6.5")),
        });
        await owner.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
        await Assertions.Expect(owner.Locator(".notice").First).ToContainTextAsync("Uploaded nordic-tin-cmrt.xlsx");
        await Assertions.Expect(owner.Locator("dl.summary")).ToContainTextAsync("Escalated");
        await Step(owner, "case-uploaded");

        // The manager decides: the risk is accepted, and the case says so.
        var manager = await fixture.SignedInPageAsync(Roles.Manager);
        await manager.GotoAsync("/escalations");
        var row = manager.Locator("tbody tr", new() { HasText = "First day 2026" }).First;
        await row.Locator("input[name=case]").CheckAsync();
        await manager.GetByLabel("Decision", new() { Exact = true }).SelectOptionAsync("accept-risk");
        await manager.GetByLabel("Reason (goes into the audit trail)").FillAsync("Smelter under RMAP re-audit; supplier switches by Q2");
        await Step(manager, "escalations-decide");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Apply to selected" }).ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Decisions recorded");
        await Step(manager, "decisions-recorded");
        await manager.GotoAsync(caseUrl);
        await Assertions.Expect(manager.Locator("dl.summary")).ToContainTextAsync("Risk accepted");
        await Step(manager, "case-risk-accepted");

        // Back to the owner: the report, a download, and a frozen filing.
        await owner.GotoAsync(dashboard);
        await owner.GetByRole(AriaRole.Link, new() { Name = "5. Report" }).ClickAsync();
        await Step(owner, "report");
        var download = await owner.RunAndWaitForDownloadAsync(() => owner.GetByRole(AriaRole.Link, new() { Name = "report.csv" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("First day 2026", csv);
        await owner.Locator("#freeze-reason").FillAsync("Form SD filing for 2026");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Freeze filing" }).ClickAsync();
        await Assertions.Expect(owner.Locator(".notice").First).ToContainTextAsync("Filing frozen");
        await Step(owner, "filing-frozen");

        Assert.True(_violations.Count == 0, string.Join(Environment.NewLine, _violations));
    }

    private async Task Step(IPage page, string name)
    {
        await fixture.ScreenshotAsync(page, $"first-day-{++_shot:00}-{name}");
        _violations.AddRange(await Axe.SeriousViolationsAsync(page));
    }
}
