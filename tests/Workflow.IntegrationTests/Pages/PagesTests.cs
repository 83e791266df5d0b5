using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Domain.Security;
using Workflow.DevHost.Demo;
using Workflow.Application.Queries;
using Workflow.Infrastructure.Users;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Pages;

public class PagesTests : IClassFixture<PagesTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        // Many sign-ins from one test client within a minute; the limiter has its own test.
        public WorkflowApp Workflow { get; } = new(settings: new Dictionary<string, string?> { ["Pages:LoginAttemptsPerMinute"] = "10000" });
        public Guid DemoCampaign { get; private set; }
        public async Task InitializeAsync() => DemoCampaign = (await Workflow.Service<DemoCampaignLoader>().LoadAsync(CancellationToken.None))!.Value;
        public Task DisposeAsync() { Workflow.Dispose(); return Task.CompletedTask; }
    }

    private readonly App _fixture;
    private WorkflowApp Workflow => _fixture.Workflow;
    public PagesTests(App app) => _fixture = app;

    [Theory]
    [InlineData("/escalations")]
    [InlineData("/campaigns")]
    [InlineData("/rules")]
    [InlineData("/workflow")]
    [InlineData("/hangfire")]
    public async Task Page_WhenAnonymous_RedirectsBrowsersToLogin(string path)
    {
        var response = await PageClient.Anonymous(Workflow).Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login?ReturnUrl=", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task WorkflowPage_ShowsTheFollowUpDurationsTheTimersUse()
    {
        var client = await PageClient.SignedInAsync(Workflow, Roles.Auditor);
        var definition = Workflow.Service<Workflow.Application.FollowUp.FollowUpDefinition>();

        var html = await client.GetHtmlAsync("/workflow");

        Assert.Contains($"<code>{definition.Version}</code>", html);
        Assert.Contains($"{(definition["AwaitingResponse"] * definition.TimeScale).TotalDays:0.##} days", html);
        Assert.Contains("no response within 14 days of the second request", html);
        Assert.Contains("SecondRequestSent", html);
        // The diagram is drawn: a box named after each visible state.
        foreach (var state in new[] { "Surveyed", "Responded", "Invalid", "Corrected", "Escalated", "Terminated" })
            Assert.Contains($"class=\"state-name\">{state}</text>", html);
    }

    [Fact]
    public async Task Api_WithoutKey_Still401_EvenForHtmlClients()
    {
        var response = await PageClient.Anonymous(Workflow).Http.GetAsync("/api/escalations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Login_WithWrongPassword_IsRefused_AndDisabledUserCannotSignIn()
    {
        await Workflow.Service<UserStore>().AddAsync("gone@example.com", Roles.Manager, PageClient.Password, CancellationToken.None);
        var client = PageClient.Anonymous(Workflow);

        var wrong = await client.PostFormAsync("/login", "/login", new() { ["email"] = "gone@example.com", ["password"] = "not-the-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        await Workflow.Service<UserStore>().DisableAsync("gone@example.com", CancellationToken.None);
        var disabled = await client.PostFormAsync("/login", "/login", new() { ["email"] = "gone@example.com", ["password"] = PageClient.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, disabled.StatusCode);
    }

    [Fact]
    public async Task Login_AfterTooManyAttempts_Is429()
    {
        using var app = new WorkflowApp(settings: new Dictionary<string, string?> { ["Pages:LoginAttemptsPerMinute"] = "3" });
        var client = PageClient.Anonymous(app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.PostFormAsync("/login", "/login", new() { ["email"] = "guess@example.com", ["password"] = $"guess-{i}" })).StatusCode);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)429], statuses);
    }

    [Fact]
    public async Task DisablingASignedInUser_EndsTheirSession()
    {
        var client = await PageClient.SignedInAsync(Workflow, Roles.Auditor);
        await client.GetHtmlAsync("/campaigns");
        foreach (var user in (await Workflow.Service<UserStore>().ListAsync(CancellationToken.None)).Where(u => u.Role == Roles.Auditor))
            await Workflow.Service<UserStore>().DisableAsync(user.Email, CancellationToken.None);

        var response = await client.Http.GetAsync("/campaigns");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        var client = await PageClient.SignedInAsync(Workflow, Roles.ComplianceOwner);

        var response = await client.Http.PostAsync("/campaigns", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "forged", ["periodStart"] = "2026-01-01", ["periodEnd"] = "2026-12-31", ["responseDueDate"] = "2027-01-31",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task WrongRole_GetsThe403Page()
    {
        var auditor = await PageClient.SignedInAsync(Workflow, Roles.Auditor);

        var response = await auditor.PostFormAsync("/campaigns", "/campaigns", new() { ["name"] = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<h1>Not allowed</h1>", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.ComplianceOwner)]
    public async Task EveryPage_RendersForEveryRole_WithServerTiming(string role)
    {
        var client = await PageClient.SignedInAsync(Workflow, role);
        var escalated = (await Workflow.Service<EscalationQueueQuery>().PageAsync(new EscalationFilter(_fixture.DemoCampaign, null, null, 1, 1), CancellationToken.None)).Rows[0];
        foreach (var path in new[] { "/escalations", "/escalations?campaign=&reason=&age=&page=1", "/escalations.csv?campaign=&reason=red&age=", "/campaigns", $"/campaigns/{_fixture.DemoCampaign}", $"/campaigns/{_fixture.DemoCampaign}/suppliers?state=Escalated", $"/campaigns/{_fixture.DemoCampaign}/suppliers?state=&country=&name=&page=",
                     $"/campaigns/{_fixture.DemoCampaign}/products", $"/campaigns/{_fixture.DemoCampaign}/products?determination=undetermined&page=2",
                     $"/cases/{escalated.CaseId}", "/rules", "/workflow", "/hangfire" })
        {
            var response = await client.Http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} GET {path}: {response.StatusCode}");
            Assert.Contains("app;dur=", response.Headers.GetValues("Server-Timing").Single());
        }
    }

    [Fact]
    public async Task EscalationQueue_AsAuditor_IsReadOnly()
    {
        var html = await (await PageClient.SignedInAsync(Workflow, Roles.Auditor)).GetHtmlAsync("/escalations");

        Assert.DoesNotContain("name=\"case\"", html);
        Assert.Contains("Read-only", html);
    }

    [Fact]
    public async Task BulkDecision_MovesEverySelectedCase_AndRefusesAStaleOne()
    {
        var demo = await Workflow.Service<DemoCampaignLoader>().LoadAsync(CancellationToken.None);
        Assert.Null(demo); // already loaded once: the loader is idempotent
        var rows = (await Workflow.Service<EscalationQueueQuery>().PageAsync(new EscalationFilter(_fixture.DemoCampaign, null, null, 1, 50), CancellationToken.None)).Rows;
        var fresh = rows[^1];
        var stale = rows[^2];
        var manager = await PageClient.SignedInAsync(Workflow, Roles.Manager);

        var response = await manager.PostFormAsync("/escalations", "/escalations/decisions",
            new() { ["decision"] = "accept-risk", ["reason"] = "mitigation plan agreed" },
            [new("case", $"{fresh.CaseId}:{fresh.Version}"), new("case", $"{stale.CaseId}:{stale.Version - 1}")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1 of 2 decided", html);
        Assert.Contains("Escalated → Responded", html);
        Assert.Contains("changed since the page was loaded", html);
        var detail = await Workflow.Service<Workflow.Application.Cases.CaseQueries>().GetAsync(fresh.CaseId, CancellationToken.None);
        Assert.Equal("Responded", detail!.State);
        Assert.Contains(detail.History, h => h.Reason == "mitigation plan agreed" && h.Actor.StartsWith("manager-"));
    }

    [Fact]
    public async Task EscalationsCsv_HasEveryFilteredRow()
    {
        var expected = (await Workflow.Service<EscalationQueueQuery>().PageAsync(new EscalationFilter(_fixture.DemoCampaign, null, null, 1, 500), CancellationToken.None)).Total;
        var client = await PageClient.SignedInAsync(Workflow, Roles.Auditor);

        var response = await client.Http.GetAsync($"/escalations.csv?campaign={_fixture.DemoCampaign}");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("reference,supplier,campaign,reason", lines[0]);
        Assert.Equal(expected, lines.Length - 1);
    }

    [Fact]
    public async Task CaseExport_IsAZipWithTheRecordAndTheOriginalFiles()
    {
        var withSubmission = await CaseWithSubmissionAsync();
        var auditor = await PageClient.SignedInAsync(Workflow, Roles.Auditor);

        var response = await auditor.Http.GetAsync($"/cases/{withSubmission}/export");

        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Contains(zip.Entries, e => e.FullName == "case.json");
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("-evaluation.json"));
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith(".xlsx"));
    }

    private async Task<Guid> CaseWithSubmissionAsync()
    {
        var cases = Workflow.Service<Workflow.Application.Cases.CaseQueries>();
        foreach (var c in await cases.ListAsync(_fixture.DemoCampaign, null, 0, 500, CancellationToken.None))
            if ((await cases.GetAsync(c.Id, CancellationToken.None))!.Submissions.Count > 0) return c.Id;
        throw new InvalidOperationException("The demo campaign has no submission.");
    }

    [Fact]
    public async Task Emails_AreEmpty_WhenNoOutboxTableExists()
    {
        var emails = await Workflow.Service<CaseRecordQuery>().EmailsAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Empty(emails);
    }

    [Fact]
    public async Task RulesPage_ShowsValidationErrors_AndActivatesAValidDraft()
    {
        var owner = await PageClient.SignedInAsync(Workflow, Roles.ComplianceOwner);

        var invalid = await owner.PostFormAsync("/rules", "/rules", new() { ["policy"] = "version: bad\nextends: nowhere\nnoSuchKey: 1\n", ["action"] = "activate" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("policy-errors", await invalid.Content.ReadAsStringAsync());

        var valid = await owner.PostFormAsync("/rules", "/rules", new()
        {
            ["policy"] = "version: pages-test\nextends: default\nminimumSupplierResponseRate: 75\n", ["action"] = "simulate", ["campaign"] = _fixture.DemoCampaign.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Contains("Simulat", await valid.Content.ReadAsStringAsync());

        var noReason = await owner.PostFormAsync("/rules", "/rules", new() { ["policy"] = "version: pages-test\nextends: default\nminimumSupplierResponseRate: 75\n", ["action"] = "activate" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var activated = await owner.PostFormAsync("/rules", "/rules", new()
        {
            ["policy"] = "version: pages-test\nextends: default\nminimumSupplierResponseRate: 75\n", ["action"] = "activate", ["reason"] = "board asked for 75 %",
        });
        var page = await activated.Content.ReadAsStringAsync();
        Assert.Contains("Activated policy version pages-test", page);
        Assert.Contains("board asked for 75 %", page);

        // The same name with other content is refused and says why; the active version stays as it was.
        var edited = await owner.PostFormAsync("/rules", "/rules", new()
        {
            ["policy"] = "version: pages-test\nextends: default\nminimumSupplierResponseRate: 90\n", ["action"] = "activate", ["reason"] = "raise it",
        });
        Assert.Equal(HttpStatusCode.Conflict, edited.StatusCode);
        Assert.Contains("never changes", await edited.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RulesPage_SavesADraft_ThenActivatesItByName()
    {
        var owner = await PageClient.SignedInAsync(Workflow, Roles.ComplianceOwner);

        var saved = await owner.PostFormAsync("/rules", "/rules", new() { ["policy"] = "version: page-draft\nextends: default\nminimumSupplierResponseRate: 85\n", ["action"] = "save-draft" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("id=\"draft-page-draft\"", await saved.Content.ReadAsStringAsync());

        var activated = await owner.PostFormAsync("/rules", "/rules", new() { ["version"] = "page-draft", ["action"] = "activate", ["reason"] = "simulated first" });

        var page = await activated.Content.ReadAsStringAsync();
        Assert.Contains("Activated policy version page-draft", page);
        Assert.Contains("id=\"policy-page-draft\"", page);
        Assert.DoesNotContain("id=\"draft-page-draft\"", page);
    }

    [Fact]
    public async Task RulesPage_PinsACampaignToAnotherPolicy_WithTheReasonInTheCampaignAudit()
    {
        var owner = await PageClient.SignedInAsync(Workflow, Roles.ComplianceOwner);
        var campaign = await Workflow.ClientFor(WorkflowApp.OwnerKey).CreateCampaignAsync("pin from the page");
        Assert.Contains("id=\"pin-reason\"", await owner.GetHtmlAsync("/rules"));

        var noReason = await owner.PostFormAsync("/rules", "/rules/pin", new() { ["campaign"] = campaign.ToString(), ["version"] = "2026-strict", ["reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var unknown = await owner.PostFormAsync("/rules", "/rules/pin", new() { ["campaign"] = campaign.ToString(), ["version"] = "2019-lenient", ["reason"] = "try" });
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);
        Assert.Equal("default", (await Workflow.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}")).GetProperty("policyVersion").GetString());

        var pinned = await owner.PostFormAsync("/rules", "/rules/pin", new()
        {
            ["campaign"] = campaign.ToString(), ["version"] = "2026-strict", ["reason"] = "customer requires RMAP-only smelters",
        });

        Assert.Equal(HttpStatusCode.OK, pinned.StatusCode);
        Assert.Contains("Campaign pin from the page now uses policy 2026-strict", await pinned.Content.ReadAsStringAsync());
        Assert.Equal("2026-strict", (await Workflow.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}")).GetProperty("policyVersion").GetString());
        Assert.Equal(1, await Workflow.ScalarAsync($"select count(*) from workflow.campaign_audit where campaign_id = '{campaign}' and action = 'policy-repinned' and reason = 'customer requires RMAP-only smelters' and actor like 'complianceowner-%'"));
    }
}
