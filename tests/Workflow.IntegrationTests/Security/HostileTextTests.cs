using System.Net.Http.Json;
using Workflow.Domain.Security;
using Workflow.Application.SupplierLinks;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Pages;

namespace Workflow.IntegrationTests.Security;

/// <summary>
/// Campaign and supplier names are typed by whoever fills in the import, so they are hostile: every page that shows
/// them shows them as text (Razor encodes them), never as markup.
/// </summary>
public class HostileTextTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    private const string Hostile = "<img src=x onerror=alert(1)>\"'&";

    [Fact]
    public async Task HostileNames_AreShownAsText_OnEveryPageThatShowsThem()
    {
        var workflow = app.Workflow;
        var owner = workflow.ClientFor(WorkflowApp.OwnerKey);
        var campaign = await owner.CreateCampaignAsync("Campaign " + Hostile);
        var import = await owner.PostAsJsonAsync($"/api/campaigns/{campaign}/suppliers",
            new[] { new { name = "Supplier " + Hostile, email = "hostile@supplier.test", country = "Germany", contactName = "Contact " + Hostile } });
        import.EnsureSuccessStatusCode();
        var caseId = (await owner.LaunchAndListAsync(campaign))[0].GetProperty("id").GetGuid();
        var auditor = await PageClient.SignedInAsync(workflow, Roles.Auditor);
        var token = workflow.Service<SupplierLinkSigner>().Create(caseId);

        foreach (var path in new[] { "/campaigns", $"/campaigns/{campaign}", $"/campaigns/{campaign}/suppliers", $"/campaigns/{campaign}/audit", $"/cases/{caseId}",
                     $"/campaigns/{campaign}/report", "/rules", $"/supplier/{token}" })
        {
            var html = await auditor.GetHtmlAsync(path);
            Assert.DoesNotContain("<img", html);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        }
    }
}
