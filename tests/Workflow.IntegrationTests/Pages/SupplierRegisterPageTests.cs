using System.Net;
using System.Net.Http.Json;
using Workflow.Domain.Security;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Pages;

/// <summary>The register's pages as a compliance owner uses them: search, edit, deactivate, merge, carry a campaign over.</summary>
public class SupplierRegisterPageTests : IClassFixture<SupplierRegisterPageTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new(settings: new Dictionary<string, string?> { ["Pages:LoginAttemptsPerMinute"] = "10000" });
        public void Dispose() => Workflow.Dispose();
    }

    private readonly WorkflowApp _app;
    public SupplierRegisterPageTests(App app) => _app = app.Workflow;

    private async Task<Guid> SupplierIdAsync(string q) =>
        (await _app.ClientFor(WorkflowApp.OwnerKey).GetFromJsonAsync<System.Text.Json.JsonElement[]>($"/api/suppliers?q={q}"))!.Single().GetProperty("id").GetGuid();

    [Fact]
    public async Task Register_Search_EditWithHistory_Deactivate_AndHostileNamesAreText()
    {
        var api = _app.ClientFor(WorkflowApp.OwnerKey);
        var campaign = await api.CreateCampaignAsync("register pages");
        await api.ImportCsvAsync(campaign, "code,name,email,country\nRP-1,\"<script>alert(1)</script> Metals\",rp1@pages.example,DE\nRP-2,Quiet Tin,rp2@pages.example,FR\n");
        var owner = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);

        var list = await owner.GetHtmlAsync("/suppliers?q=pages.example");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Metals", list);
        Assert.DoesNotContain("<script>alert(1)", list);
        Assert.Contains("Quiet Tin", list);

        var id = await SupplierIdAsync("RP-2");
        var edit = await owner.PostFormAsync($"/suppliers/{id}", $"/suppliers/{id}/edit", new()
        {
            ["code"] = "RP-2", ["name"] = "Quiet Tin SA", ["email"] = "rp2@pages.example", ["contactEmails"] = "cc1@pages.example; cc2@pages.example",
            ["country"] = "FR", ["spend"] = "1234.5", ["language"] = "en",
        });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal($"/suppliers/{id}?saved=edit", edit.Headers.Location!.OriginalString);
        var page = await owner.GetHtmlAsync(edit.Headers.Location!.OriginalString);
        Assert.Contains("Quiet Tin SA", page);
        Assert.Contains("cc1@pages.example, cc2@pages.example", page);
        Assert.Contains("<td>name</td><td>Quiet Tin</td><td>Quiet Tin SA</td>", page);

        var bad = await owner.PostFormAsync($"/suppliers/{id}", $"/suppliers/{id}/edit", new() { ["name"] = "Quiet Tin SA", ["email"] = "not-mail", ["spend"] = "lots" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var deactivate = await owner.PostFormAsync($"/suppliers/{id}", $"/suppliers/{id}/status", new() { ["status"] = "inactive", ["reason"] = "stopped buying" });
        Assert.Equal(HttpStatusCode.Redirect, deactivate.StatusCode);
        var after = await owner.GetHtmlAsync($"/suppliers/{id}");
        Assert.Contains("status-inactive", after);
        Assert.Contains("stopped buying", after);
        Assert.Contains("Reactivate", after);
    }

    [Fact]
    public async Task Auditor_ReadsTheRegister_ButGetsNoForms()
    {
        var api = _app.ClientFor(WorkflowApp.OwnerKey);
        await api.PostAsync("/api/suppliers", new StringContent("code,name,email,country\nAU-1,Audited Gold,au1@pages.example,CH\n", System.Text.Encoding.UTF8, "text/csv"));
        var auditor = await PageClient.SignedInAsync(_app, Roles.Auditor);

        var page = await auditor.GetHtmlAsync($"/suppliers/{await SupplierIdAsync("AU-1")}");

        Assert.Contains("Audited Gold", page);
        Assert.DoesNotContain("id=\"edit\"", page);
        Assert.DoesNotContain("id=\"merge\"", page);
    }

    [Fact]
    public async Task NewCampaignForm_CarriesLastYearOver()
    {
        var api = _app.ClientFor(WorkflowApp.OwnerKey);
        var last = await api.CreateCampaignAsync("pages 2025");
        await api.ImportCsvAsync(last, "code,name,email,country\nCO-1,Carried,co1@pages.example,DE\nCO-2,Carried Too,co2@pages.example,DE\n");
        var owner = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);

        var created = await owner.PostFormAsync("/campaigns", "/campaigns", new()
        {
            ["name"] = "pages 2026", ["periodStart"] = "2026-01-01", ["periodEnd"] = "2026-12-31", ["responseDueDate"] = "2027-03-31", ["copyFrom"] = last.ToString(),
        });

        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        var dashboard = await owner.GetHtmlAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("sends the CMRT request to 2 in-scope suppliers", dashboard);
    }
}
