using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Application.SupplierLinks;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Suppliers;

/// <summary>A supplier whose last valid CMRT is recent confirms it through its link instead of sending a new one.</summary>
public class ConfirmationTests : IClassFixture<ConfirmationTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new();
        public void Dispose() => Workflow.Dispose();
    }

    private readonly WorkflowApp _app;
    private readonly HttpClient _owner;

    public ConfirmationTests(App app)
    {
        _app = app.Workflow;
        _owner = _app.ClientFor(WorkflowApp.OwnerKey);
    }

    [Fact]
    public async Task LastYearsValidCmrt_IsOfferedOnTheLink_AndConfirmingRecordsAResponse()
    {
        var last = await _owner.CreateCampaignAsync("confirm 2025");
        await _owner.ImportCsvAsync(last, "code,name,email,country\nCF-1,Confirming Metals,cf1@confirm.example,DE\nCF-2,Never Answered,cf2@confirm.example,DE\n");
        var lastCases = await _owner.LaunchAndListAsync(last);
        var answered = lastCases.Single(c => c.GetProperty("supplierName").GetString() == "Confirming Metals").GetProperty("id").GetGuid();
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(TestWorkbooks.Accepted()), "file", "cmrt-2025.xlsx" } })
            Assert.Equal(HttpStatusCode.OK, (await _owner.PostAsync($"/api/cases/{answered}/submissions", form)).StatusCode);
        var created = await _owner.PostAsJsonAsync("/api/campaigns", new { name = "confirm 2026", periodStart = "2026-01-01", periodEnd = "2026-12-31", responseDueDate = "2027-03-31", copyFrom = last });
        var next = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var cases = await _owner.LaunchAndListAsync(next);
        var confirming = cases.Single(c => c.GetProperty("supplierName").GetString() == "Confirming Metals").GetProperty("id").GetGuid();
        var silent = cases.Single(c => c.GetProperty("supplierName").GetString() == "Never Answered").GetProperty("id").GetGuid();
        var signer = _app.Service<SupplierLinkSigner>();
        var supplier = _app.ClientFor(null);

        var offer = await supplier.GetStringAsync($"/supplier/{signer.Create(confirming)}");
        var noOffer = await supplier.GetStringAsync($"/supplier/{signer.Create(silent)}");

        Assert.Contains("cmrt-2025.xlsx", offer);
        Assert.Contains("id=\"confirm\"", offer);
        Assert.DoesNotContain("id=\"confirm\"", noOffer);

        var token = signer.Create(confirming);
        var confirmed = await supplier.PostAsync($"/supplier/{token}/confirm", null);

        // Post/Redirect/Get: the page after the redirect shows the outcome; reloading it confirms nothing again.
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        var result = await supplier.GetAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Contains("role=\"status\"", await result.Content.ReadAsStringAsync());
        var detail = await _owner.GetFromJsonAsync<JsonElement>($"/api/cases/{confirming}");
        Assert.Equal("Responded", detail.GetProperty("state").GetString());
        var submission = Assert.Single(detail.GetProperty("submissions").EnumerateArray());
        Assert.Equal("confirmation", submission.GetProperty("channel").GetString());
        // Once answered, there is nothing more to confirm.
        Assert.Equal(HttpStatusCode.Conflict, (await supplier.PostAsync($"/supplier/{token}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await supplier.PostAsync($"/supplier/{signer.Create(silent)}/confirm", null)).StatusCode);
    }
}
