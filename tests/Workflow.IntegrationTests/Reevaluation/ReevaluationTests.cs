using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Domain.Security;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Pages;

namespace Workflow.IntegrationTests.Reevaluation;

/// <summary>
/// Re-evaluation of a campaign's current submissions: an accepted CMRT under <c>default</c> raises a red flag under
/// <c>2026-strict</c> (smelters not on the reference list escalate), so re-evaluating under it changes that case.
/// </summary>
public class ReevaluationTests : IClassFixture<ReevaluationTests.App>
{
    public sealed class App : IDisposable
    {
        // The page test signs in; the sign-in limiter has its own test.
        public WorkflowApp Workflow { get; } = new(settings: new Dictionary<string, string?> { ["Pages:LoginAttemptsPerMinute"] = "10000" });
        public void Dispose() => Workflow.Dispose();
    }

    private const string Strict = "2026-strict";
    private readonly WorkflowApp _app;
    private readonly HttpClient _owner;

    public ReevaluationTests(App app)
    {
        _app = app.Workflow;
        _owner = _app.ClientFor(WorkflowApp.OwnerKey);
    }

    [Fact]
    public async Task Simulation_StricterPolicy_ListsTheChangedCaseWithReasons_AndChangesNothing()
    {
        var (campaign, caseId) = await CampaignWithAcceptedSubmissionAsync("simulate");

        var response = await _owner.PostAsJsonAsync($"/api/campaigns/{campaign}/reevaluations", new { policyVersion = Strict, apply = false });

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var simulation = JsonDocument.Parse(body).RootElement;
        Assert.Equal(1, simulation.GetProperty("submissionsEvaluated").GetInt32());
        Assert.Equal("default", simulation.GetProperty("pinnedPolicyVersion").GetString());
        var change = Assert.Single(simulation.GetProperty("changes").EnumerateArray());
        Assert.Equal(caseId, change.GetProperty("caseId").GetGuid());
        Assert.Equal("accepted", change.GetProperty("outcomeBefore").GetString());
        Assert.Equal("red-flag", change.GetProperty("outcomeAfter").GetString());
        Assert.Equal("moves", change.GetProperty("caseEffect").GetString());
        Assert.Contains(change.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("outcome accepted → red-flag"));

        Assert.Equal("Responded", await StateAsync(caseId));
        Assert.Equal(0, await _app.ScalarAsync($"select count(*) from workflow.reevaluations where campaign_id = '{campaign}'"));
        Assert.Equal(0, await _app.ScalarAsync($"select count(*) from workflow.reevaluation_runs where campaign_id = '{campaign}'"));
        Assert.Equal("default", await PinAsync(campaign));
    }

    [Fact]
    public async Task Apply_StricterPolicy_StoresTheNewEvaluationBesideTheOld_MovesTheCaseQuietly_AndRepinsWithAudit()
    {
        var (campaign, caseId) = await CampaignWithAcceptedSubmissionAsync("apply");
        var outboxBefore = await _app.ScalarAsync($"select count(*) from workflow.outbox where case_id = '{caseId}'");

        var run = await ApplyAndWaitAsync(campaign, new { policyVersion = Strict, apply = true, reason = "2026 policy adopted" });

        Assert.Equal("done", run.GetProperty("status").GetString());
        Assert.Equal(1, run.GetProperty("total").GetInt32());
        Assert.Equal(1, run.GetProperty("done").GetInt32());
        Assert.Equal(1, run.GetProperty("changed").GetInt32());
        Assert.Equal(1, run.GetProperty("moved").GetInt32());
        Assert.Empty(run.GetProperty("errors").EnumerateArray());

        // The case moved through the machine, audited with the cause naming the re-evaluation and the versions.
        Assert.Equal("Escalated", await StateAsync(caseId));
        var detail = await _owner.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var last = detail.GetProperty("history").EnumerateArray().Last();
        Assert.StartsWith("re-evaluation ", last.GetProperty("reason").GetString());
        Assert.Contains($"policy {Strict}", last.GetProperty("reason").GetString());
        Assert.Equal(Strict, last.GetProperty("policyVersion").GetString());

        // The original evaluation is still there, unchanged; the new one is beside it.
        Assert.Equal(1, await _app.ScalarAsync($"select count(*) from workflow.submissions where case_id = '{caseId}' and outcome = 'accepted'"));
        Assert.Equal(1, await _app.ScalarAsync($"select count(*) from workflow.reevaluations where case_id = '{caseId}' and outcome_before = 'accepted' and outcome_after = 'red-flag' and policy_version = '{Strict}'"));
        Assert.Equal("accepted", detail.GetProperty("submissions")[0].GetProperty("outcome").GetString());

        // No e-mail: the escalation's message was not written.
        Assert.Equal(outboxBefore, await _app.ScalarAsync($"select count(*) from workflow.outbox where case_id = '{caseId}'"));

        // Re-pinned, with the reason in the campaign's audit.
        Assert.Equal(Strict, await PinAsync(campaign));
        Assert.Equal(1, await _app.ScalarAsync($"select count(*) from workflow.campaign_audit where campaign_id = '{campaign}' and action = 'policy-repinned' and reason like 're-evaluation %2026 policy adopted'"));

        // The report counts the new evaluation.
        var report = await _owner.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/report");
        Assert.Contains(report.GetProperty("policyVersions").EnumerateArray(), v => v.GetString() == Strict);

        // Re-evaluation history is append-only.
        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => _app.ExecuteAsync($"update workflow.reevaluations set outcome_after = 'accepted' where case_id = '{caseId}'"));
        Assert.Contains("append-only", refused.Message);
    }

    [Fact]
    public async Task Apply_WithNotify_WritesTheMessageTheMoveDeclares()
    {
        var (campaign, caseId) = await CampaignWithAcceptedSubmissionAsync("notify");
        var outboxBefore = await _app.ScalarAsync($"select count(*) from workflow.outbox where case_id = '{caseId}'");

        var run = await ApplyAndWaitAsync(campaign, new { policyVersion = Strict, apply = true, notify = true });

        Assert.Equal(1, run.GetProperty("moved").GetInt32());
        Assert.True(await _app.ScalarAsync($"select count(*) from workflow.outbox where case_id = '{caseId}' and kind = 'escalation'") == 1,
            $"expected the escalation message; the outbox had {outboxBefore} rows before");
    }

    [Fact]
    public async Task Apply_SameVersions_RecordsUnchangedEvaluations_AndMovesNothing()
    {
        var (campaign, caseId) = await CampaignWithAcceptedSubmissionAsync("same");

        var run = await ApplyAndWaitAsync(campaign, new { apply = true });

        Assert.Equal(1, run.GetProperty("done").GetInt32());
        Assert.Equal(0, run.GetProperty("changed").GetInt32());
        Assert.Equal(0, run.GetProperty("moved").GetInt32());
        Assert.Equal("Responded", await StateAsync(caseId));
        Assert.Equal("default", await PinAsync(campaign));
        Assert.Equal(0, await _app.ScalarAsync($"select count(*) from workflow.campaign_audit where campaign_id = '{campaign}' and action = 'policy-repinned'"));
    }

    [Fact]
    public async Task Apply_TerminatedCase_RecordsTheNewEvaluation_ButDoesNotMoveIt()
    {
        var (campaign, caseId) = await CampaignWithAcceptedSubmissionAsync("terminated");
        await _app.ExecuteAsync($"update workflow.cases set state = 'Terminated', stage = 'Terminated' where id = '{caseId}'");

        var run = await ApplyAndWaitAsync(campaign, new { policyVersion = Strict, apply = true });

        Assert.Equal(1, run.GetProperty("changed").GetInt32());
        Assert.Equal(0, run.GetProperty("moved").GetInt32());
        Assert.Equal(1, run.GetProperty("notMoved").GetInt32());
        var error = Assert.Single(run.GetProperty("errors").EnumerateArray());
        Assert.Contains("terminated", error.GetProperty("message").GetString());
        Assert.Equal("Terminated", await StateAsync(caseId));
        Assert.Equal(1, await _app.ScalarAsync($"select count(*) from workflow.reevaluations where case_id = '{caseId}' and outcome_after = 'red-flag'"));
    }

    [Fact]
    public async Task Apply_SubmissionWithoutStoredDeclaration_ReadsTheFileOnce_AndStoresItsDeclaration()
    {
        var (campaign, caseId) = await CampaignWithAcceptedSubmissionAsync("older");
        // As if the submission predated migration 0020: no declaration beside it (the trigger allows no delete, so
        // the row is removed with the trigger disabled for this session only).
        await _app.ExecuteAsync($"""
            set session_replication_role = replica;
            delete from workflow.submission_declarations where case_id = '{caseId}';
            set session_replication_role = origin;
            """);

        var run = await ApplyAndWaitAsync(campaign, new { policyVersion = Strict, apply = true });

        Assert.Equal(1, run.GetProperty("changed").GetInt32());
        Assert.Equal(1, await _app.ScalarAsync($"select count(*) from workflow.submission_declarations where case_id = '{caseId}'"));
    }

    [Fact]
    public async Task Request_UnknownReferenceList_Is400_UnknownPolicy_Is400()
    {
        var (campaign, _) = await CampaignWithAcceptedSubmissionAsync("unknown");

        var list = await _owner.PostAsJsonAsync($"/api/campaigns/{campaign}/reevaluations", new { referenceListVersion = "RMI 1999-01", apply = true });
        var policy = await _owner.PostAsJsonAsync($"/api/campaigns/{campaign}/reevaluations", new { policyVersion = "nowhere", apply = false });

        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
        Assert.Contains("RMI 1999-01", await list.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, policy.StatusCode);
        Assert.Equal(0, await _app.ScalarAsync($"select count(*) from workflow.reevaluation_runs where campaign_id = '{campaign}'"));
    }

    [Fact]
    public async Task Manager_CannotReevaluate_ButAnyRoleReadsJobs_AndUnknownJobIs404()
    {
        var (campaign, _) = await CampaignWithAcceptedSubmissionAsync("roles");
        var manager = _app.ClientFor(WorkflowApp.ManagerKey);

        var post = await manager.PostAsJsonAsync($"/api/campaigns/{campaign}/reevaluations", new { apply = false });
        var unknown = await _app.ClientFor(WorkflowApp.AuditorKey).GetAsync($"/api/jobs/{Guid.NewGuid()}");
        var run = await ApplyAndWaitAsync(campaign, new { apply = true });
        var read = await manager.GetAsync($"/api/jobs/{run.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Pages_CampaignFormToSimulationToApply_RedirectsToProgressThatReachesDone()
    {
        var (campaign, caseId) = await CampaignWithAcceptedSubmissionAsync("pages");
        var owner = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);

        var dashboard = await owner.GetHtmlAsync($"/campaigns/{campaign}");
        var simulationPath = $"/campaigns/{campaign}/reevaluation?referenceList=&policy={Strict}";
        var simulation = await owner.GetHtmlAsync(simulationPath);
        var apply = await owner.PostFormAsync(simulationPath, $"/campaigns/{campaign}/reevaluation",
            new() { ["referenceList"] = "", ["policy"] = Strict, ["reason"] = "page test" });

        Assert.Contains("id=\"reevaluate-form\"", dashboard);
        Assert.Contains($"href=\"/cases/{caseId}\"", simulation);
        Assert.Contains("outcome accepted → red-flag", simulation);
        Assert.Contains("Nothing has changed yet.", simulation);
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        var progressPath = apply.Headers.Location!.OriginalString;
        Assert.StartsWith("/jobs/", progressPath);
        string progress = "";
        for (var i = 0; i < 300 && !progress.Contains("Status: <strong>done</strong>"); i++)
        {
            progress = await owner.GetHtmlAsync(progressPath);
            if (!progress.Contains("Status: <strong>done</strong>")) await Task.Delay(100);
        }
        Assert.Contains("Status: <strong>done</strong>", progress);
        Assert.DoesNotContain("http-equiv=\"refresh\"", progress);
        Assert.Equal("Escalated", await StateAsync(caseId));
        var casePage = await owner.GetHtmlAsync($"/cases/{caseId}");
        Assert.Contains("class=\"reevaluation\"", casePage);

        // A manager reads the progress but cannot apply.
        var manager = await PageClient.SignedInAsync(_app, Roles.Manager);
        await manager.GetHtmlAsync(progressPath);
        await manager.GetHtmlAsync(simulationPath, HttpStatusCode.Forbidden);
    }

    private async Task<JsonElement> ApplyAndWaitAsync(Guid campaign, object request)
    {
        var response = await _owner.PostAsJsonAsync($"/api/campaigns/{campaign}/reevaluations", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        var jobId = JsonDocument.Parse(body).RootElement.GetProperty("jobId").GetGuid();
        Assert.Equal($"/api/jobs/{jobId}", response.Headers.Location?.OriginalString);
        // The Hangfire server of the test host runs the job; poll its progress as the page does.
        for (var i = 0; i < 300; i++)
        {
            var run = await _owner.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}");
            if (run.GetProperty("status").GetString() is "done" or "failed") return run;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Re-evaluation {jobId} did not finish in 30 s.");
    }

    private async Task<(Guid Campaign, Guid Case)> CampaignWithAcceptedSubmissionAsync(string name)
    {
        var campaign = await _owner.CreateCampaignAsync(name);
        await _owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(1, name));
        var caseId = (await _owner.LaunchAndListAsync(campaign))[0].GetProperty("id").GetGuid();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestWorkbooks.Accepted()), "file", "green.xlsx" } };
        var upload = await _owner.PostAsync($"/api/cases/{caseId}/submissions", form);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal("Responded", await StateAsync(caseId));
        return (campaign, caseId);
    }

    private async Task<string?> StateAsync(Guid caseId) =>
        (await _owner.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("state").GetString();

    private async Task<string?> PinAsync(Guid campaign)
    {
        await using var conn = new Npgsql.NpgsqlConnection(_app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select policy_version from workflow.campaigns where id = @id", conn);
        cmd.Parameters.AddWithValue("id", campaign);
        return await cmd.ExecuteScalarAsync() as string;
    }
}
