using Workflow.Tests.Shared;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Policies;

public class PolicyApiTests : IClassFixture<PolicyApiTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new();
        public void Dispose() => Workflow.Dispose();
    }

    private readonly WorkflowApp _app;
    private readonly HttpClient _owner;

    public PolicyApiTests(App app)
    {
        _app = app.Workflow;
        _owner = _app.ClientFor(WorkflowApp.OwnerKey);
    }

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "text/yaml");

    [Fact]
    public async Task Policies_ListsBuiltInDefaultAndFolderVersions()
    {
        var body = await _app.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement>("/api/policies");

        var versions = body.GetProperty("active").EnumerateArray().Select(p => p.GetProperty("version").GetString()).ToList();
        Assert.Contains("default", versions);
        Assert.Contains("2026-strict", versions);
    }

    [Fact]
    public async Task Upload_InvalidPolicy_Is400WithPreciseErrors_AndNothingChanges()
    {
        var response = await _owner.PostAsync("/api/policies", Yaml("version: broken\nextends: nowhere\ncoveredCountries: [Atlantis]\nfavouriteColour: blue\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("favouriteColour", text);
        Assert.Contains("Atlantis", text);
        Assert.False(File.Exists(Path.Combine(_app.PolicyFolder, "broken.yaml")));
        Assert.Equal(HttpStatusCode.NotFound, (await _owner.GetAsync("/api/policies/broken")).StatusCode);
    }

    [Fact]
    public async Task Upload_ValidPolicy_BecomesActive_AndCampaignCanBeRepinnedWithAudit()
    {
        var upload = await _owner.PostAsync("/api/policies", Yaml("version: test-tight\nextends: default\nminimumSupplierResponseRate: 95\n"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var campaign = await _owner.CreateCampaignAsync("repin");

        var repin = await _owner.PutAsJsonAsync($"/api/campaigns/{campaign}/policy", new { version = "test-tight", reason = "board asked for 95% coverage" });

        Assert.Equal(HttpStatusCode.OK, repin.StatusCode);
        var pinned = await _owner.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}");
        Assert.Equal("test-tight", pinned.GetProperty("policyVersion").GetString());
        await using var conn = new Npgsql.NpgsqlConnection(_app.ConnectionString);
        await conn.OpenAsync();
        var cmd = new Npgsql.NpgsqlCommand("select actor || '|' || reason || '|' || (detail->>'from') from workflow.campaign_audit where campaign_id = @c", conn);
        cmd.Parameters.AddWithValue("c", campaign);
        Assert.Equal("apikey:owner|board asked for 95% coverage|default", await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Repin_ToUnknownVersion_Is409()
    {
        var campaign = await _owner.CreateCampaignAsync("repin-bad");

        var response = await _owner.PutAsJsonAsync($"/api/campaigns/{campaign}/policy", new { version = "no-such-policy", reason = "x" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Simulation_StricterDraft_ReportsCasesThatWouldChange()
    {
        var campaign = await _owner.CreateCampaignAsync("simulate");
        await _owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(1, "sim"));
        var caseId = (await _owner.LaunchAndListAsync(campaign))[0].GetProperty("id").GetGuid();
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(TestWorkbooks.Accepted()), "file", "green.xlsx" } })
            Assert.Equal(HttpStatusCode.OK, (await _owner.PostAsync($"/api/cases/{caseId}/submissions", form)).StatusCode);

        var draft = "version: draft-escalate-all\nextends: default\nredFlags:\n  smelterNotOnReferenceList: escalate\n  smelterAuditStatusNotAcceptable: escalate\n";
        var response = await _owner.PostAsync($"/api/campaigns/{campaign}/simulations", Yaml(draft));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var report = JsonDocument.Parse(body).RootElement;
        Assert.Equal(1, report.GetProperty("casesEvaluated").GetInt32());
        var change = Assert.Single(report.GetProperty("changes").EnumerateArray());
        Assert.Equal(caseId.ToString(), change.GetProperty("caseId").GetString());
        Assert.NotEmpty(change.GetProperty("reasons").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await _owner.GetAsync("/api/policies/draft-escalate-all")).StatusCode);
    }

    [Fact]
    public async Task ReferenceList_ImportCsv_BecomesActiveVersionUsedByEvaluations()
    {
        var csv = System.Text.Encoding.UTF8.GetBytes(GeneratedDeclarations.ListCsv());
        using var form = new MultipartFormDataContent { { new ByteArrayContent(csv), "file", "smelters.csv" }, { new StringContent("RMI 2026-10"), "version" } };

        var response = await _owner.PostAsync("/api/reference-lists", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var campaign = await _owner.CreateCampaignAsync("reflist");
        await _owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(1, "ref"));
        var caseId = (await _owner.LaunchAndListAsync(campaign))[0].GetProperty("id").GetGuid();
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(TestWorkbooks.Accepted()), "file", "green.xlsx" } };
        Assert.Equal(HttpStatusCode.OK, (await _owner.PostAsync($"/api/cases/{caseId}/submissions", upload)).StatusCode);
        await using var conn = new Npgsql.NpgsqlConnection(_app.ConnectionString);
        await conn.OpenAsync();
        var cmd = new Npgsql.NpgsqlCommand("select evaluation->>'referenceListVersion' from workflow.submissions where case_id = @c", conn);
        cmd.Parameters.AddWithValue("c", caseId);
        Assert.Equal("RMI 2026-10", await cmd.ExecuteScalarAsync());
    }
}
