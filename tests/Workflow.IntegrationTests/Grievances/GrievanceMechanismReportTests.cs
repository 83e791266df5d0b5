using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Grievances;

/// <summary>The campaign report and the Conflict Minerals Report draft state the grievance mechanism's activity of the reporting year.</summary>
public class GrievanceMechanismReportTests
{
    [Fact]
    public async Task CampaignReport_CountsTheReportingYearsConcerns_AsOfItsCutoff_AndTheDraftSaysSo()
    {
        using var app = new WorkflowApp(settings: QuarterlyReportSteps.Settings());
        var owner = app.ClientFor(WorkflowApp.OwnerKey);
        var created = await owner.PostAsJsonAsync("/api/campaigns",
            new { name = "Calendar 2027", periodStart = "2027-01-01", periodEnd = "2027-12-31", responseDueDate = "2028-03-31" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var year2027 = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var year2026 = await owner.CreateCampaignAsync();

        // 15 January 2027: four concerns. Two days later one is resolved and one dismissed, and three are substantiated
        // against two smelters.
        var a = await owner.HandInAsync(new { description = "Ore from a mine held by soldiers.", smelter = "CID001234" });
        var b = await owner.HandInAsync(new { description = "The same smelter again.", smelter = "CID001234" });
        var c = await owner.HandInAsync(new { description = "Another smelter.", smelter = "CID005678", reporterName = "Named Person" });
        await owner.HandInAsync(new { description = "Nothing specific." });
        app.Clock.Advance(TimeSpan.FromDays(2));
        foreach (var (id, cid) in new[] { (a.Id, "CID001234"), (b.Id, "CID001234"), (c.Id, "CID005678") })
            Assert.Equal(HttpStatusCode.Created,
                (await owner.PostAsJsonAsync($"/api/concerns/{id}/links", new { cid, substantiated = true, reason = "confirmed" })).StatusCode);
        await owner.MoveAsync(a.Id, "under-review", "Reading it");
        await owner.MoveAsync(a.Id, "resolved", "The supplier dropped the smelter");
        await owner.MoveAsync(b.Id, "dismissed", "Duplicate of an earlier concern");

        var auditor = app.ClientFor(WorkflowApp.AuditorKey);
        var live = (await auditor.GetFromJsonAsync<JsonElement>($"/api/campaigns/{year2027}/report")).GetProperty("grievanceMechanism");
        Assert.Equal((4, 1, 1, 2, 2), Figures(live));
        // The day before anyone acted: all four open, nothing substantiated yet.
        var before = (await auditor.GetFromJsonAsync<JsonElement>($"/api/campaigns/{year2027}/report?asOf=2027-01-16")).GetProperty("grievanceMechanism");
        Assert.Equal((4, 0, 0, 4, 0), Figures(before));
        // Concerns of 2027 are no part of the 2026 reporting year.
        var other = (await auditor.GetFromJsonAsync<JsonElement>($"/api/campaigns/{year2026}/report")).GetProperty("grievanceMechanism");
        Assert.Equal((0, 0, 0, 0, 0), Figures(other));

        var csv = await auditor.GetStringAsync($"/api/campaigns/{year2027}/report.csv");
        Assert.Contains("Grievance mechanism,Concerns received in the reporting period,4\r\n", csv);
        var page = await auditor.GetStringAsync($"/campaigns/{year2027}/report");
        Assert.Contains("4 concerns were received through the grievance mechanism; 1 resolved, 1 dismissed and 2 still open.", page);

        var freeze = await owner.PostAsJsonAsync($"/api/campaigns/{year2027}/filings", new { asOf = "2027-01-17", reason = "Draft for the board" });
        Assert.True(freeze.StatusCode == HttpStatusCode.Created, await freeze.Content.ReadAsStringAsync());
        var filing = (await freeze.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var draft = await auditor.GetStringAsync($"/api/filings/{filing}/cmr");
        Assert.Contains("<h3>Grievance mechanism</h3>", draft);
        Assert.Contains("we maintain a grievance mechanism", draft, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("In the reporting period from January 1, 2027 to December 31, 2027, 4 concerns were received through the grievance mechanism; " +
                        "1 resolved, 1 dismissed and 2 still open as of January 17, 2027. 2 smelters or refiners were the subject of a substantiated concern.", draft);
        Assert.DoesNotContain("Named Person", draft);
        Assert.Equal("true", (await auditor.GetFromJsonAsync<JsonElement>($"/api/filings/{filing}/verify")).GetProperty("ok").ToString().ToLowerInvariant());
    }

    private static (int, int, int, int, int) Figures(JsonElement g) => (g.GetProperty("concernsReceived").GetInt32(), g.GetProperty("resolved").GetInt32(),
        g.GetProperty("dismissed").GetInt32(), g.GetProperty("open").GetInt32(), g.GetProperty("substantiatedSmelters").GetInt32());
}
