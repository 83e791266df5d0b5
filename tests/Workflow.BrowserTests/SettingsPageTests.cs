using System.Text.Json;
using Microsoft.Playwright;
using Workflow.BrowserTests.Support;
using Workflow.Domain.Security;

namespace Workflow.BrowserTests;

/// <summary>The compliance owner fills in /settings in a browser: an error comes back beside its field, a save redirects with a notice.</summary>
[Collection(BrowserCollection.Name)]
public class SettingsPageTests(BrowserFixture fixture)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    [Fact]
    public async Task Owner_FillsTheSettings_SeesTheErrorBesideItsField_ThenTheNoticeAfterTheRedirect()
    {
        var page = await fixture.SignedInPageAsync(Roles.ComplianceOwner);
        await page.GotoAsync("/campaigns");
        await Assertions.Expect(page.Locator("#setup-checklist")).ToContainTextAsync("Company details complete");

        await page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Settings");
        await page.GetByLabel("Company name").FillAsync("Browser Motors GmbH");
        await page.GetByLabel("Address", new() { Exact = true }).FillAsync("Werkstraße 1, 70173 Stuttgart, Germany");
        await page.GetByLabel("Contact name").FillAsync("Casey Compliance");
        await page.GetByLabel("Contact e-mail").FillAsync("casey@browser-motors.example");
        await page.GetByLabel("Contact phone").FillAsync("+49 711 0000");
        await page.GetByLabel("Authorizer name").FillAsync("Alex Authorizer");
        await page.GetByLabel("Authorizer title").FillAsync("VP Supply Chain");
        await page.GetByLabel("Authorizer e-mail").FillAsync("vp@browser-motors.example");
        await page.GetByLabel("Authorizer phone").FillAsync("+49 711 0001");
        // The browser checks single e-mail fields itself; a list is the server's to check.
        await page.GetByLabel("Management recipients").FillAsync("vp@browser-motors.example\ncfo at browser-motors");
        await page.GetByLabel("Procurement recipients").FillAsync("purchasing@browser-motors.example");
        await page.GetByLabel("Grace days after the due date").FillAsync("21");
        await page.GetByLabel("Upload a logo").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = Png });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();

        // Nothing was saved; the mistake is named beside its field and what was typed is still there.
        await Assertions.Expect(page.Locator("#managementRecipients-error")).ToContainTextAsync("not an address: 'cfo at browser-motors'");
        await Assertions.Expect(page.GetByLabel("Company name")).ToHaveValueAsync("Browser Motors GmbH");

        await page.GetByLabel("Management recipients").FillAsync("vp@browser-motors.example\ncfo@browser-motors.example");
        await page.GetByLabel("Upload a logo").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = Png });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await page.WaitForURLAsync("**/settings?saved=settings");

        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Settings saved");
        await Assertions.Expect(page.GetByLabel("Contact e-mail")).ToHaveValueAsync("casey@browser-motors.example");
        await Assertions.Expect(page.Locator("#supplier-links")).ToContainTextAsync("plus 21 days");
        await Assertions.Expect(page.Locator("header .brand")).ToContainTextAsync("Browser Motors GmbH");
        await Assertions.Expect(page.Locator("img.logo-preview")).ToBeVisibleAsync();
        Assert.Empty(await HeadingAndLabelProblemsAsync(page));
        await fixture.ScreenshotAsync(page, "settings");

        await page.GotoAsync("/campaigns");
        await Assertions.Expect(page.Locator("#setup-checklist")).Not.ToContainTextAsync("Fill in the company details");
    }

    /// <summary>Unlabelled controls, skipped heading levels, not exactly one h1.</summary>
    private static async Task<IReadOnlyList<string>> HeadingAndLabelProblemsAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>("""
            () => {
              const problems = [];
              for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea'))
                if (!(el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`))) problems.push('unlabelled ' + el.outerHTML.slice(0, 100));
              let previous = 0;
              for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
                const level = Number(h.tagName[1]);
                if (level > previous + 1) problems.push(`heading jumps to ${h.tagName}: ${h.textContent.trim()}`);
                previous = level;
              }
              if (document.querySelectorAll('h1').length !== 1) problems.push('not exactly one h1');
              return problems;
            }
            """)).EnumerateArray().Select(p => p.GetString()!).ToList();
}
