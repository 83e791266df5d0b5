using Microsoft.Playwright;
using Workflow.BrowserTests.Support;
using Workflow.Domain.Security;

namespace Workflow.BrowserTests;

/// <summary>A compliance owner changes the policy with the form, gets a draft, and simulates it before activating.</summary>
[Collection(BrowserCollection.Name)]
public class PolicyFormTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Owner_EditsThePolicyWithTheForm_SeesTheDraft_AndSimulatesIt()
    {
        var page = await fixture.SignedInPageAsync(Roles.ComplianceOwner);
        await page.GotoAsync("/rules?edit=default");
        await Assertions.Expect(page.Locator("#form-version")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^default-\\d{4}-\\d{2}-\\d{2}$"));

        await page.Locator("#form-version").FillAsync("browser-form");
        await page.Locator("#minimumSupplierResponseRate").FillAsync("85");
        await page.Locator("#cahraCountries-MM").CheckAsync();
        await page.Locator("#flag-smelterNotOnReferenceList").SelectOptionAsync("escalate");
        await page.Locator("#concern-0-cid").FillAsync("CID002763");
        await page.Locator("#concern-0-reason").FillAsync("NGO report of sourcing from an armed group");
        await page.Locator("#form-reason").FillAsync("Myanmar tin and unknown smelters escalate");
        await page.Locator("#policy-form").ScreenshotAsync(new() { Path = Path.Combine(fixture.Artifacts, "rules-form.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "Save the settings as a draft" }).ClickAsync();

        await page.WaitForURLAsync("**/rules?saved=browser-form*");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Saved draft browser-form");
        var draft = page.Locator("#draft-browser-form");
        await Assertions.Expect(draft).ToContainTextAsync("minimumSupplierResponseRate: 85");
        await Assertions.Expect(draft).ToContainTextAsync("Myanmar");
        // The form now shows the draft, under its own name.
        await Assertions.Expect(page.Locator("#form-version")).ToHaveValueAsync("browser-form");
        await Assertions.Expect(page.Locator("#concern-0-cid")).ToHaveValueAsync("CID002763");
        await draft.ScreenshotAsync(new() { Path = Path.Combine(fixture.Artifacts, "rules-draft.png") });

        await page.Locator("#sim-browser-form").SelectOptionAsync(fixture.DemoCampaignId.ToString());
        await draft.GetByRole(AriaRole.Button, new() { Name = "Simulate" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Simulated browser-form against");
        await Assertions.Expect(page.Locator("#diff")).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(page, "rules-simulation");

        var catalogue = page.Locator("#rule-catalogue");
        await Assertions.Expect(catalogue.Locator("tbody tr")).ToHaveCountAsync(Workflow.Rules.RuleCatalogue.Entries.Count);
        await catalogue.ScreenshotAsync(new() { Path = Path.Combine(fixture.Artifacts, "rules-catalogue.png") });
    }
}
