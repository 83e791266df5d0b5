using Workflow.StateMachines;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Workflow.Domain.Cases;
using Workflow.Application.Cases;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Api;

public class CaseWorkflowTests : IClassFixture<CaseWorkflowTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new();
        public void Dispose() => Workflow.Dispose();
    }

    private readonly WorkflowApp _app;
    private readonly HttpClient _owner;
    private readonly HttpClient _manager;

    public CaseWorkflowTests(App app)
    {
        _app = app.Workflow;
        _owner = _app.ClientFor(WorkflowApp.OwnerKey);
        _manager = _app.ClientFor(WorkflowApp.ManagerKey);
    }

    private async Task<Guid[]> LaunchAsync(int suppliers, string prefix)
    {
        var campaign = await _owner.CreateCampaignAsync(prefix);
        await _owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(suppliers, prefix));
        return (await _owner.LaunchAndListAsync(campaign)).Select(c => c.GetProperty("id").GetGuid()).ToArray();
    }

    private Task EscalateAsync(Guid caseId) => _app.Service<CaseTransitions>()
        .FireAsync(caseId, CaseIntention.Submit(SubmissionOutcome.RedFlag), new TransitionCause("system", "smelter in a covered country", "CoveredCountrySmelterRaisesRedFlagRule", "default"));

    [Fact]
    public async Task Escalation_ShowsInQueue_AndTerminateDecisionEndsIt()
    {
        var cases = await LaunchAsync(2, "esc");
        await EscalateAsync(cases[0]);

        var queue = await _manager.GetFromJsonAsync<JsonElement[]>("/api/escalations");
        var item = Assert.Single(queue!, q => q.GetProperty("caseId").GetGuid() == cases[0]);
        Assert.Equal("smelter in a covered country", item.GetProperty("reason").GetString());

        var decision = await _manager.PostAsJsonAsync($"/api/cases/{cases[0]}/decisions", new { decision = "terminate", reason = "no alternative source offered" });

        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        Assert.Equal("Terminated", (await decision.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        var detail = await _manager.GetFromJsonAsync<JsonElement>($"/api/cases/{cases[0]}");
        var history = detail.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["Launched", "RedFlagFound", "TerminationApproved"], history.Select(h => h.GetProperty("trigger").GetString()));
        Assert.Equal("CoveredCountrySmelterRaisesRedFlagRule", history[1].GetProperty("rule").GetString());
        Assert.Equal("default", history[1].GetProperty("policyVersion").GetString());
        Assert.Equal("apikey:manager", history[2].GetProperty("actor").GetString());
        Assert.Equal("no alternative source offered", history[2].GetProperty("reason").GetString());
        Assert.DoesNotContain((await _manager.GetFromJsonAsync<JsonElement[]>("/api/escalations"))!, q => q.GetProperty("caseId").GetGuid() == cases[0]);
    }

    [Fact]
    public async Task Extension_MovesCaseBackToSurveyedWithNewDueDate()
    {
        var cases = await LaunchAsync(1, "ext");
        await EscalateAsync(cases[0]);

        var decision = await _manager.PostAsJsonAsync($"/api/cases/{cases[0]}/decisions",
            new { decision = "extend", reason = "supplier promised a product-level CMRT", extendTo = "2027-02-28" });

        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        var detail = await _manager.GetFromJsonAsync<JsonElement>($"/api/cases/{cases[0]}");
        Assert.Equal("Surveyed", detail.GetProperty("state").GetString());
        Assert.StartsWith("2027-02-28", detail.GetProperty("dueAt").GetString());
    }

    [Fact]
    public async Task Decision_OnCaseNotEscalated_Is409NamingStateAndTrigger()
    {
        var cases = await LaunchAsync(1, "illegal");

        var response = await _manager.PostAsJsonAsync($"/api/cases/{cases[0]}/decisions", new { decision = "accept-risk", reason = "fine" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("RiskAccepted", detail);
        Assert.Contains("Surveyed", detail);
    }

    [Fact]
    public async Task Decision_WithoutReason_Is400()
    {
        var cases = await LaunchAsync(1, "noreason");
        await EscalateAsync(cases[0]);

        var response = await _manager.PostAsJsonAsync($"/api/cases/{cases[0]}/decisions", new { decision = "terminate", reason = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ConcurrentDecisions_OnOneCase_ExactlyOneTransitionWins()
    {
        var cases = await LaunchAsync(1, "race");
        await EscalateAsync(cases[0]);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            _manager.PostAsJsonAsync($"/api/cases/{cases[0]}/decisions",
                i % 2 == 0 ? new { decision = "terminate", reason = $"attempt {i}" } : (object)new { decision = "accept-risk", reason = $"attempt {i}" }))));

        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var history = (await _manager.GetFromJsonAsync<JsonElement>($"/api/cases/{cases[0]}")).GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(3, history.Count);
        Assert.Equal([1, 2, 3], history.Select(h => h.GetProperty("caseVersion").GetInt32()));
    }

    [Fact]
    public async Task StaleExpectedVersion_Is409_AndChangesNothing()
    {
        var cases = await LaunchAsync(1, "stale");
        await EscalateAsync(cases[0]);

        var response = await _manager.PostAsJsonAsync($"/api/cases/{cases[0]}/decisions", new { decision = "terminate", reason = "x", expectedVersion = 1 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Escalated", (await _manager.GetFromJsonAsync<JsonElement>($"/api/cases/{cases[0]}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task AuditEntries_CannotBeUpdatedOrDeleted()
    {
        var cases = await LaunchAsync(1, "appendonly");
        await using var conn = new NpgsqlConnection(_app.ConnectionString);
        await conn.OpenAsync();

        var update = new NpgsqlCommand("update workflow.audit_entries set reason = 'rewritten' where case_id = @c", conn);
        update.Parameters.AddWithValue("c", cases[0]);
        var delete = new NpgsqlCommand("delete from workflow.audit_entries where case_id = @c", conn);
        delete.Parameters.AddWithValue("c", cases[0]);

        Assert.Contains("append-only", (await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync())).MessageText);
        Assert.Contains("append-only", (await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync())).MessageText);
    }

    [Fact]
    public async Task Upload_LargerThanLimit_Is413()
    {
        var cases = await LaunchAsync(1, "big");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[5 * 1024 * 1024]), "file", "huge.xlsx" } };

        var response = await _owner.PostAsync($"/api/cases/{cases[0]}/submissions", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Upload_WithoutFileField_Is400()
    {
        var cases = await LaunchAsync(1, "nofile");
        using var form = new MultipartFormDataContent { { new StringContent("x"), "other" } };

        var response = await _owner.PostAsync($"/api/cases/{cases[0]}/submissions", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
