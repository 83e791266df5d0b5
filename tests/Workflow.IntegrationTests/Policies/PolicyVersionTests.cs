using Workflow.Tests.Shared;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Policies;

/// <summary>Policy versions in PostgreSQL: immutable once active, drafts that can be simulated and activated, the folder only feeding them.</summary>
public class PolicyVersionTests : IClassFixture<PolicyVersionTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new();
        public void Dispose() => Workflow.Dispose();
    }

    private readonly WorkflowApp _app;
    private readonly HttpClient _owner;

    public PolicyVersionTests(App app)
    {
        _app = app.Workflow;
        _owner = _app.ClientFor(WorkflowApp.OwnerKey);
    }

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "text/yaml");

    private async Task<JsonElement> PolicyAsync(string version) =>
        await _owner.GetFromJsonAsync<JsonElement>($"/api/policies/{version}");

    [Fact]
    public async Task ActiveVersion_SameNameOtherContent_Is409_SameContentIs200_AndNothingChanges()
    {
        Assert.Equal(HttpStatusCode.Created, (await _owner.PostAsync("/api/policies?reason=first", Yaml("version: fixed-1\nextends: default\nminimumSupplierResponseRate: 70\n"))).StatusCode);
        var before = (await PolicyAsync("fixed-1")).GetProperty("summary").GetProperty("sha256").GetString();

        var changed = await _owner.PostAsync("/api/policies", Yaml("version: fixed-1\nextends: default\nminimumSupplierResponseRate: 90\n"));
        // The same rules written differently (a comment, other spacing) are the same version.
        var same = await _owner.PostAsync("/api/policies", Yaml("# same rules\nversion: fixed-1\nextends: default\nminimumSupplierResponseRate:   70\n"));

        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Contains("new version name", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var after = await PolicyAsync("fixed-1");
        Assert.Equal(before, after.GetProperty("summary").GetProperty("sha256").GetString());
        Assert.Equal(70, after.GetProperty("summary").GetProperty("minimumSupplierResponseRate").GetInt32());
        var history = after.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToList();
        Assert.Equal(["activated"], history);
        Assert.Equal("first", after.GetProperty("summary").GetProperty("reason").GetString());
        Assert.Equal("apikey:owner", after.GetProperty("summary").GetProperty("activatedBy").GetString());
    }

    [Fact]
    public async Task Draft_IsSimulated_ThenActivated_ThenPinned_AndEvaluationsNameVersionAndHash()
    {
        var campaign = await _owner.CreateCampaignAsync("draft-flow");
        await _owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(1, "draftflow"));
        var caseId = (await _owner.LaunchAndListAsync(campaign))[0].GetProperty("id").GetGuid();

        var saved = await _owner.PostAsync("/api/policies/drafts?reason=trying", Yaml("version: draft-flow\nextends: default\nredFlags:\n  smelterNotOnReferenceList: escalate\n"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal("draft", (await PolicyAsync("draft-flow")).GetProperty("summary").GetProperty("status").GetString());
        // A draft is not something a campaign can be pinned to.
        Assert.Equal(HttpStatusCode.Conflict, (await _owner.PutAsJsonAsync($"/api/campaigns/{campaign}/policy", new { version = "draft-flow", reason = "too early" })).StatusCode);
        var simulation = await _owner.PostAsync($"/api/campaigns/{campaign}/simulations?version=draft-flow", null);
        Assert.Equal(HttpStatusCode.OK, simulation.StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await _owner.PostAsJsonAsync("/api/policies/draft-flow/activate", new { reason = "" })).StatusCode);
        var activated = await _owner.PostAsJsonAsync("/api/policies/draft-flow/activate", new { reason = "simulated on the 2026 campaign" });
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        var summary = (await PolicyAsync("draft-flow")).GetProperty("summary");
        Assert.Equal("active", summary.GetProperty("status").GetString());
        Assert.Equal("simulated on the 2026 campaign", summary.GetProperty("reason").GetString());
        var sha = summary.GetProperty("sha256").GetString();

        Assert.Equal(HttpStatusCode.OK, (await _owner.PutAsJsonAsync($"/api/campaigns/{campaign}/policy", new { version = "draft-flow", reason = "stricter" })).StatusCode);
        Assert.Equal(sha, (await _owner.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}")).GetProperty("policySha256").GetString());
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(TestWorkbooks.Accepted()), "file", "green.xlsx" } })
            Assert.Equal(HttpStatusCode.OK, (await _owner.PostAsync($"/api/cases/{caseId}/submissions", form)).StatusCode);
        await using var conn = new NpgsqlConnection(_app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select (evaluation->>'policyVersion') || '|' || (evaluation->>'policySha256') from workflow.submissions where case_id = @c", conn);
        cmd.Parameters.AddWithValue("c", caseId);
        Assert.Equal($"draft-flow|{sha}", await cmd.ExecuteScalarAsync());
        var history = (await PolicyAsync("draft-flow")).GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToList();
        Assert.Equal(["draft-saved", "activated"], history);
    }

    [Fact]
    public async Task Folder_EditOfActiveVersionIsRefusedWithReason_NewFileBecomesDraft()
    {
        var strict = Path.Combine(_app.PolicyFolder, "2026-strict.yaml");
        var before = (await PolicyAsync("2026-strict")).GetProperty("summary").GetProperty("sha256").GetString();
        await File.WriteAllTextAsync(strict, (await File.ReadAllTextAsync(strict)).Replace("description:", "description: Edited in place.\n# was:"));
        await File.WriteAllTextAsync(Path.Combine(_app.PolicyFolder, "folder-new.yaml"), "version: folder-new\nextends: 2026-strict\n");

        var reload = await _owner.PostAsync("/api/policies/reload", null);

        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        var body = await reload.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("folder-new", body.GetProperty("drafts").EnumerateArray().Select(d => d.GetString()));
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Contains("never changes", error.GetProperty("message").GetString());
        Assert.Equal(before, (await PolicyAsync("2026-strict")).GetProperty("summary").GetProperty("sha256").GetString());
        Assert.Equal("draft", (await PolicyAsync("folder-new")).GetProperty("summary").GetProperty("status").GetString());
        var list = await _owner.GetFromJsonAsync<JsonElement>("/api/policies");
        Assert.DoesNotContain("folder-new", list.GetProperty("active").EnumerateArray().Select(p => p.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task Database_RefusesToChangeOrDeleteAnActiveVersion()
    {
        await using var conn = new NpgsqlConnection(_app.ConnectionString);
        await conn.OpenAsync();

        var update = await Assert.ThrowsAsync<PostgresException>(async () =>
            await new NpgsqlCommand("update workflow.policy_versions set text = 'version: default' where version = 'default'", conn).ExecuteNonQueryAsync());
        var delete = await Assert.ThrowsAsync<PostgresException>(async () =>
            await new NpgsqlCommand("delete from workflow.policy_versions where version = 'default'", conn).ExecuteNonQueryAsync());

        Assert.Contains("cannot change", update.MessageText);
        Assert.Contains("cannot be deleted", delete.MessageText);
    }

    [Fact]
    public async Task SecondInstanceOnTheSameDatabase_UsesAVersionTheMomentItIsActivated()
    {
        using var other = new WorkflowApp(_app.ConnectionString);
        var otherOwner = other.ClientFor(WorkflowApp.OwnerKey);
        Assert.Equal(HttpStatusCode.OK, (await otherOwner.GetAsync("/api/policies/default")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await _owner.PostAsync("/api/policies", Yaml("version: seen-at-once\nextends: default\n"))).StatusCode);
        var campaign = await otherOwner.CreateCampaignAsync("other-instance");

        Assert.Equal(HttpStatusCode.OK, (await otherOwner.GetAsync("/api/policies/seen-at-once")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherOwner.PutAsJsonAsync($"/api/campaigns/{campaign}/policy", new { version = "seen-at-once", reason = "shared" })).StatusCode);
    }

    [Fact]
    public async Task OnlyComplianceOwnersWritePolicies()
    {
        var manager = _app.ClientFor(WorkflowApp.ManagerKey);

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync("/api/policies/drafts", Yaml("version: nope\nextends: default\n"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/policies/default/activate", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _owner.GetAsync("/api/policies/nope")).StatusCode);
    }
}
