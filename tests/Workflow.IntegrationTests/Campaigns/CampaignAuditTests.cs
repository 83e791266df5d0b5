using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Pages;

namespace Workflow.IntegrationTests.Campaigns;

/// <summary>The campaign's own audit trail (re-pins, legal holds, filings, purges) through the API and its page.</summary>
public class CampaignAuditTests : IClassFixture<CampaignAuditTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new();
        public void Dispose() => Workflow.Dispose();
    }

    private const string HostileReason = "<script>alert('hold')</script> matter 2031-07";
    private readonly WorkflowApp _app;
    private readonly HttpClient _owner;

    public CampaignAuditTests(App app)
    {
        _app = app.Workflow;
        _owner = _app.ClientFor(WorkflowApp.OwnerKey);
    }

    private async Task<Guid> RepinnedFrozenAndHeldAsync()
    {
        var campaign = await _owner.CreateCampaignAsync("audited");
        Assert.Equal(HttpStatusCode.OK, (await _owner.PutAsJsonAsync($"/api/campaigns/{campaign}/policy", new { version = "2026-strict", reason = "board asked for the strict policy" })).StatusCode);
        var asOf = DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        var freeze = await _owner.PostAsJsonAsync($"/api/campaigns/{campaign}/filings", new { asOf, reason = "Form SD filed" });
        Assert.True(freeze.StatusCode == HttpStatusCode.Created, await freeze.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await _owner.PutAsJsonAsync($"/api/campaigns/{campaign}/legal-hold", new { onHold = true, reason = HostileReason })).StatusCode);
        return campaign;
    }

    [Fact]
    public async Task Audit_AfterRepinAndLegalHold_ListsBothNewestFirstWithActorAndReason()
    {
        var campaign = await RepinnedFrozenAndHeldAsync();

        var entries = await _app.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{campaign}/audit");

        Assert.NotNull(entries);
        Assert.Equal(["legal-hold-placed", "filing-frozen", "policy-repinned"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal("apikey:owner", e.GetProperty("actor").GetString()));
        Assert.Equal(HostileReason, entries[0].GetProperty("reason").GetString());
        Assert.Equal("Form SD filed", entries[1].GetProperty("reason").GetString());
        Assert.Equal("board asked for the strict policy", entries[2].GetProperty("reason").GetString());
        Assert.Equal("default", entries[2].GetProperty("detail").GetProperty("from").GetString());
        Assert.Equal("2026-strict", entries[2].GetProperty("detail").GetProperty("to").GetString());
        Assert.True(entries[0].GetProperty("at").GetDateTimeOffset() >= entries[2].GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Audit_OfUnknownCampaign_Is404_AndWithoutKey_Is401()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _owner.GetAsync($"/api/campaigns/{Guid.NewGuid()}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync($"/api/campaigns/{Guid.NewGuid()}/audit")).StatusCode);
    }

    [Fact]
    public async Task AuditPage_ShowsActionsInWords_ReasonsAsText_AndIsLinkedFromTheDashboard()
    {
        var campaign = await RepinnedFrozenAndHeldAsync();
        var auditor = await PageClient.SignedInAsync(_app, "Auditor");

        var html = await auditor.GetHtmlAsync($"/campaigns/{campaign}/audit");

        Assert.Contains("Legal hold placed", html);
        Assert.Contains("Policy re-pinned", html);
        Assert.Contains("From default to 2026-strict", html);
        Assert.Contains("Filing frozen", html);
        Assert.Contains("Effort through", html);
        Assert.DoesNotContain("\"sha256\"", html); // the detail is a sentence, not the stored JSON
        Assert.Contains("apikey:owner", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.True(html.IndexOf("Legal hold placed", StringComparison.Ordinal) < html.IndexOf("Policy re-pinned", StringComparison.Ordinal), "newest first");
        Assert.Contains($"href=\"/campaigns/{campaign}/audit\"", await auditor.GetHtmlAsync($"/campaigns/{campaign}"));
    }
}
