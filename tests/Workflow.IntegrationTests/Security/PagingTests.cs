using System.Net;
using Workflow.Domain.Security;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Pages;

namespace Workflow.IntegrationTests.Security;

/// <summary>Any page number a browser or a probe sends gives a page: past the end the last one, below 1 the first.</summary>
public class PagingTests
{
    [Theory]
    [InlineData("2147483647")]
    [InlineData("-2147483648")]
    [InlineData("99999999999999")]
    [InlineData("x")]
    public async Task QueueAndSupplierList_WithAnyPageNumber_ShowARealPage(string page)
    {
        using var app = new WorkflowApp(settings: FollowUpSteps.Manual(new() { ["Pages:PageSize"] = "2", ["Pages:LoginAttemptsPerMinute"] = "1000" }));
        var owner = app.ClientFor(WorkflowApp.OwnerKey);
        var campaign = await owner.CreateCampaignAsync("paging");
        await owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(5, "paging"));
        var browser = await PageClient.SignedInAsync(app, Roles.Auditor);

        var suppliers = await browser.GetHtmlAsync($"/campaigns/{campaign}/suppliers?page={page}");
        var queue = await browser.GetHtmlAsync($"/escalations?page={page}&age={page}");

        var expected = page.StartsWith('-') || page == "x" ? "paging 1, Ltd" : "paging 5, Ltd";
        Assert.Contains(expected, suppliers);
        Assert.Contains("Escalations", queue);
    }
}
