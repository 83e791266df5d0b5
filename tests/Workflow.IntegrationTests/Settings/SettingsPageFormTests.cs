using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Domain.Security;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Pages;

namespace Workflow.IntegrationTests.Settings;

/// <summary>/settings as HTML: the owner's form (Post/Redirect/Get, anti-forgery), the read-only view, the checklist.</summary>
public class SettingsPageFormTests
{
    [Fact]
    public async Task Owner_SavesTheForm_RedirectsWithANotice_AndTheChangeIsRecordedUnderTheirName()
    {
        using var app = new WorkflowApp(settings: new Dictionary<string, string?> { ["Pages:LoginAttemptsPerMinute"] = "1000", ["Company:AuthorizerTitle"] = "CEO" });
        var owner = await PageClient.SignedInAsync(app, Roles.ComplianceOwner);
        var campaigns = await owner.GetHtmlAsync("/campaigns");
        Assert.Contains("Before a campaign can run", campaigns);
        Assert.Contains("href=\"/settings#company\"", campaigns);

        var page = await owner.GetHtmlAsync("/settings");
        Assert.Contains("configuration (Company:AuthorizerTitle)", page);
        Assert.DoesNotContain("name=\"company-authorizerTitle\"", page);

        var saved = await owner.PostFormAsync("/settings", "/settings", new() { ["company-name"] = "Form Motors", ["supplierLinkGraceDays"] = "10" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/settings?saved=settings", saved.Headers.Location?.OriginalString);
        var after = await owner.GetHtmlAsync("/settings?saved=settings");
        Assert.Contains("Settings saved", after);
        Assert.Contains("value=\"Form Motors\"", after);
        Assert.Contains("plus 10 days", after);
        var history = await app.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement[]>("/api/settings/history");
        Assert.StartsWith("complianceowner-", Assert.Single(history!, h => h.GetProperty("field").GetString() == "company.name").GetProperty("actor").GetString());

        var refused = await owner.PostFormAsync("/settings", "/settings", new() { ["publicBaseUrl"] = "cmrt.example.com" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"publicBaseUrl-error\"", html);
        Assert.Contains("value=\"cmrt.example.com\"", html);

        // Without the anti-forgery token another site could make the owner's browser post this form.
        var forged = await owner.Http.PostAsync("/settings", new FormUrlEncodedContent([new("company-name", "Forged")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task Auditor_ReadsTheSettings_WithoutAForm_AndCannotPostThem()
    {
        using var app = new WorkflowApp(settings: new Dictionary<string, string?> { ["Pages:LoginAttemptsPerMinute"] = "1000" });
        var auditor = await PageClient.SignedInAsync(app, Roles.Auditor);
        var page = await auditor.GetHtmlAsync("/settings");
        Assert.Contains("Only the compliance owner can change these settings.", page);
        Assert.DoesNotContain("action=\"/settings\"", page);
        Assert.Contains("href=\"/settings\"", page);

        var response = await auditor.PostFormAsync("/settings", "/settings", new() { ["company-name"] = "Auditor Motors" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
