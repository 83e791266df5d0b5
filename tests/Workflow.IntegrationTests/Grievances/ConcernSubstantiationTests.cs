using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Grievances;

/// <summary>
/// A substantiated concern about a smelter becomes a red flag through the policy, not beside it: the link prepares a
/// draft with the smelter on the concern list; the simulation shows the cases it would flag; activation, re-pinning
/// and re-evaluation flag them.
/// </summary>
public class ConcernSubstantiationTests
{
    private const string Smelter = "CID000103"; // Gamma Gold Refinery AG, named by every generated CMRT

    [Fact]
    public async Task SubstantiatedAgainstASmelter_PreparesADraft_TheSimulationShowsTheCases_AndActivationFlagsThem()
    {
        using var app = new WorkflowApp(settings: ConcernSteps.Settings());
        var owner = app.ClientFor(WorkflowApp.OwnerKey);
        var campaign = await owner.CreateCampaignAsync("Calendar 2026 grievance");
        await owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(2, "grv"));
        var cases = (await owner.LaunchAndListAsync(campaign)).Select(c => c.GetProperty("id").GetGuid()).ToArray();
        foreach (var c in cases)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(TestWorkbooks.Accepted()), "file", "cmrt.xlsx" } };
            Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"/api/cases/{c}/submissions", form)).StatusCode);
        }
        var (concern, reference, _) = await app.ReportAnonymouslyAsync("Gamma Gold Refinery takes gold from an armed group's mine", "Gamma Gold Refinery AG");
        var investigator = app.ClientFor(WorkflowApp.InvestigatorKey);

        var linked = await investigator.PostAsJsonAsync($"/api/concerns/{concern}/links",
            new { cid = " cid000103 ", substantiated = true, reason = "Confirmed by two independent sources" });

        var body = await linked.Content.ReadAsStringAsync();
        Assert.True(linked.StatusCode == HttpStatusCode.Created, body);
        var result = JsonDocument.Parse(body).RootElement;
        var draft = result.GetProperty("draftVersion").GetString()!;
        Assert.Equal($"default-{reference}", draft);
        Assert.Equal("default", result.GetProperty("extends").GetString());
        Assert.Equal(["Calendar 2026 grievance"], result.GetProperty("affectedCampaigns").EnumerateArray().Select(e => e.GetString()));

        // The draft: the smelter on the concern list, the concern as the reason; nothing active changed.
        var stored = await owner.GetFromJsonAsync<JsonElement>($"/api/policies/{draft}");
        Assert.Contains(Smelter, stored.GetProperty("text").GetString());
        Assert.Contains($"Concern {reference} substantiated: Confirmed by two independent sources", stored.GetProperty("text").GetString());
        Assert.All(cases, c => Assert.Equal("Responded", StateOf(owner, c).Result));

        // The simulation names both cases, red-flagged by the concern list.
        var simulation = await owner.PostAsync($"/api/campaigns/{campaign}/simulations?version={draft}", null);
        var report = JsonDocument.Parse(await simulation.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, simulation.StatusCode);
        var changes = report.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(cases.Select(c => c.ToString()).Order(), changes.Select(c => c.GetProperty("caseId").GetString()).Order());
        Assert.All(changes, c => Assert.Equal("RedFlag", c.GetProperty("outcomeAfter").GetString()));
        Assert.All(changes, c => Assert.Contains(Smelter, c.GetRawText()));

        // Activated by the compliance owner, re-pinned and re-evaluated: the cases are escalated, citing the policy.
        var activate = await owner.PostAsJsonAsync($"/api/policies/{draft}/activate", new { reason = $"Concern {reference} substantiated" });
        Assert.Equal(HttpStatusCode.OK, activate.StatusCode);
        var run = await ReevaluateAsync(owner, campaign, new { policyVersion = draft, apply = true, reason = $"concern {reference}" });
        Assert.Equal(2, run.GetProperty("moved").GetInt32());
        foreach (var c in cases)
        {
            var detail = await owner.GetFromJsonAsync<JsonElement>($"/api/cases/{c}");
            Assert.Equal("Escalated", detail.GetProperty("state").GetString());
            Assert.Equal(draft, detail.GetProperty("history").EnumerateArray().Last().GetProperty("policyVersion").GetString());
        }

        // The concern keeps the link and the draft it prepared, and its audit says who substantiated it.
        var concernDetail = await investigator.GetFromJsonAsync<JsonElement>($"/api/concerns/{concern}");
        var link = Assert.Single(concernDetail.GetProperty("links").EnumerateArray());
        Assert.Equal(Smelter, link.GetProperty("cid").GetString());
        Assert.True(link.GetProperty("substantiated").GetBoolean());
        Assert.Equal(draft, link.GetProperty("draftVersion").GetString());
        Assert.Contains(concernDetail.GetProperty("audit").EnumerateArray(), a => a.GetProperty("action").GetString() == "linked-substantiated");
    }

    [Fact]
    public async Task Links_NeedExactlyOneTarget_AndAnUnsubstantiatedSmelterLinkPreparesNoDraft()
    {
        using var app = new WorkflowApp(settings: ConcernSteps.Settings());
        var (concern, _, _) = await app.ReportAnonymouslyAsync("Rumour about a tin smelter");
        var investigator = app.ClientFor(WorkflowApp.InvestigatorKey);

        var both = await investigator.PostAsJsonAsync($"/api/concerns/{concern}/links", new { cid = "CID000102", caseId = Guid.NewGuid(), substantiated = false });
        var unknownCase = await investigator.PostAsJsonAsync($"/api/concerns/{concern}/links", new { caseId = Guid.NewGuid(), substantiated = false });
        var plain = await investigator.PostAsJsonAsync($"/api/concerns/{concern}/links", new { cid = "CID000102", substantiated = false });

        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("exactly one of cid", await both.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownCase.StatusCode);
        Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
        Assert.False((await plain.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("draftVersion", out _));
        Assert.Equal(0, await app.ScalarAsync("select count(*) from workflow.policy_versions where status = 'draft'"));
    }

    private static async Task<string?> StateOf(HttpClient owner, Guid c) =>
        (await owner.GetFromJsonAsync<JsonElement>($"/api/cases/{c}")).GetProperty("state").GetString();

    private static async Task<JsonElement> ReevaluateAsync(HttpClient owner, Guid campaign, object request)
    {
        var response = await owner.PostAsJsonAsync($"/api/campaigns/{campaign}/reevaluations", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        var jobId = JsonDocument.Parse(body).RootElement.GetProperty("jobId").GetGuid();
        for (var i = 0; i < 300; i++)
        {
            var run = await owner.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}");
            if (run.GetProperty("status").GetString() is "done" or "failed") return run;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Re-evaluation {jobId} did not finish in 30 s.");
    }
}
