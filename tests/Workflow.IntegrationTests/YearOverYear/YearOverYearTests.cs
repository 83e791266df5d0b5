using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Workflow.Cmrt.Writing;
using Workflow.Domain.Security;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Pages;
using Workflow.Tests.Shared;

namespace Workflow.IntegrationTests.YearOverYear;

/// <summary>
/// Two years of one supplier list through the API: 2025 on CMRT 6.31, 2026 on 6.5. Acme answers both years (in 2026
/// without Gamma Gold, with Epsilon Gold, and tin now from covered countries); Bolt and Cog answer only in 2026
/// (as Acme, without the tin change). Spend: Acme 1,000, Bolt 3,000, Cog none given.
/// </summary>
public sealed class YearOverYearTests : IDisposable
{
    private const string Csv = "name,email,country,spend\nAcme Alloys,acme@yoy.example,Germany,1000\nBolt Brothers,bolt@yoy.example,Germany,3000\nCog Corp,cog@yoy.example,Germany,\n";

    private readonly WorkflowApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(Guid Campaign, Dictionary<string, Guid> Cases)> CampaignAsync(HttpClient owner, string name, int year, string csv = Csv)
    {
        var response = await owner.PostAsJsonAsync("/api/campaigns",
            new { name, periodStart = $"{year}-01-01", periodEnd = $"{year}-12-31", responseDueDate = $"{year + 1}-03-31" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var campaign = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await owner.ImportCsvAsync(campaign, csv);
        var cases = await owner.LaunchAndListAsync(campaign);
        return (campaign, cases.ToDictionary(c => c.GetProperty("supplierName").GetString()!, c => c.GetProperty("id").GetGuid()));
    }

    private async Task SubmitAsync(HttpClient owner, Guid caseId, CmrtWorkbookSpec spec, string? expected)
    {
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(CmrtWorkbookWriter.Write(spec)), "file", "cmrt.xlsx" } };
        var response = await owner.PostAsync($"/api/cases/{caseId}/submissions", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var outcome = JsonDocument.Parse(body).RootElement.GetProperty("outcome").GetString();
        if (expected is null) Assert.Contains(outcome, new[] { "accepted", "red-flag" });
        else Assert.Equal(expected, outcome);
    }

    private async Task<JsonElement> YearOverYearAsync(Guid caseId)
    {
        var response = await _app.ClientFor(WorkflowApp.AuditorKey).GetAsync($"/api/cases/{caseId}/year-over-year");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task SqlAsync(string sql, Guid? value, Guid id)
    {
        await using var conn = new NpgsqlConnection(_app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("value", (object?)value ?? DBNull.Value);
        cmd.Parameters.AddWithValue("id", id);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }

    private static IEnumerable<string?> Cids(JsonElement list) => list.EnumerateArray().Select(s => s.GetProperty("cid").GetString());

    [Fact]
    public async Task TwoYears_CaseAndReport_ShowWhatChanged()
    {
        var owner = _app.ClientFor(WorkflowApp.OwnerKey);
        var (c2025, y2025) = await CampaignAsync(owner, "Calendar 2025", 2025);
        var (c2026, y2026) = await CampaignAsync(owner, "Calendar 2026", 2026);
        await SubmitAsync(owner, y2025["Acme Alloys"], GeneratedDeclarations.Complete("6.31"), "accepted");
        await SubmitAsync(owner, y2026["Acme Alloys"], DeclarationComparisonTests.Changed("6.5"), "red-flag");
        var plain2026 = GeneratedDeclarations.Complete("6.5");
        plain2026 = plain2026 with { Smelters = [.. plain2026.Smelters.Where(s => s.SmelterId != "CID000103"), DeclarationComparisonTests.Epsilon] };
        await SubmitAsync(owner, y2026["Bolt Brothers"], plain2026, "accepted");
        await SubmitAsync(owner, y2026["Cog Corp"], plain2026, "accepted");

        // The case: found through the supplier's case in the campaign that ended before 2026 began (no carry-over link).
        var acme = await YearOverYearAsync(y2026["Acme Alloys"]);
        Assert.Equal(y2025["Acme Alloys"], acme.GetProperty("previousCaseId").GetGuid());
        Assert.True(acme.GetProperty("compared").GetBoolean());
        Assert.Equal("6.31", acme.GetProperty("previousVersion").GetString());
        Assert.Equal("6.5", acme.GetProperty("currentVersion").GetString());
        var added = Assert.Single(acme.GetProperty("smeltersAdded").EnumerateArray());
        Assert.Equal(("CID000999", "Epsilon Gold Refinery", "Gold"),
            (added.GetProperty("cid").GetString(), added.GetProperty("name").GetString(), added.GetProperty("metal").GetString()));
        var removed = Assert.Single(acme.GetProperty("smeltersRemoved").EnumerateArray());
        Assert.Equal(("CID000103", "Gamma Gold Refinery AG", "Gold"),
            (removed.GetProperty("cid").GetString(), removed.GetProperty("name").GetString(), removed.GetProperty("metal").GetString()));
        var answer = Assert.Single(acme.GetProperty("answersChanged").EnumerateArray());
        Assert.Equal(("Q3", "Tin", "No", "Yes"), (answer.GetProperty("question").GetString(), answer.GetProperty("metal").GetString(),
            answer.GetProperty("from").GetString(), answer.GetProperty("to").GetString()));
        Assert.False(acme.TryGetProperty("scopeChanged", out var scope) && scope.ValueKind != JsonValueKind.Null);

        // Bolt had a case last year but sent nothing: the answer says so instead of listing every smelter as new.
        var bolt = await YearOverYearAsync(y2026["Bolt Brothers"]);
        Assert.Equal(y2025["Bolt Brothers"], bolt.GetProperty("previousCaseId").GetGuid());
        Assert.False(bolt.GetProperty("compared").GetBoolean());
        Assert.Contains("has no valid CMRT", bolt.GetProperty("note").GetString());
        Assert.Empty(bolt.GetProperty("smeltersAdded").EnumerateArray());

        // 2025 has no earlier campaign.
        var first = await YearOverYearAsync(y2025["Acme Alloys"]);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("previousCaseId").ValueKind);
        Assert.Contains("no case in an earlier campaign", first.GetProperty("note").GetString());

        var report = await _app.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement>($"/api/campaigns/{c2026}/report");
        var coverage = report.GetProperty("spendCoverage");
        Assert.Equal((100.0, 4000m, 4000m), (coverage.GetProperty("percent").GetDouble(), coverage.GetProperty("coveredSpend").GetDecimal(),
            coverage.GetProperty("totalSpend").GetDecimal()));
        var yoy = report.GetProperty("yearOverYear");
        Assert.Equal(c2025, yoy.GetProperty("previousCampaignId").GetGuid());
        Assert.Equal("Calendar 2025", yoy.GetProperty("previousCampaignName").GetString());
        Assert.Equal(100.0, yoy.GetProperty("responseRatePercent").GetProperty("thisYear").GetDouble());
        Assert.Equal(33.3, yoy.GetProperty("responseRatePercent").GetProperty("lastYear").GetDouble());
        var lastCoverage = yoy.GetProperty("spendCoverage").GetProperty("lastYear");
        Assert.Equal((25.0, 1000m, 4000m), (lastCoverage.GetProperty("percent").GetDouble(), lastCoverage.GetProperty("coveredSpend").GetDecimal(),
            lastCoverage.GetProperty("totalSpend").GetDecimal()));
        var dropped = Assert.Single(yoy.GetProperty("droppedSmelters").EnumerateArray());
        Assert.Equal(("CID000103", "Gamma Gold Refinery AG", "Gold", 1), (dropped.GetProperty("cid").GetString(), dropped.GetProperty("name").GetString(),
            dropped.GetProperty("metal").GetString(), dropped.GetProperty("suppliers").GetInt32()));
        var fresh = Assert.Single(yoy.GetProperty("newSmelters").EnumerateArray());
        Assert.Equal(("CID000999", 3), (fresh.GetProperty("cid").GetString(), fresh.GetProperty("suppliers").GetInt32()));
        Assert.Equal(["Acme Alloys"], yoy.GetProperty("suppliersNewlyRedFlagged").EnumerateArray().Select(s => s.GetString()));

        var csv = await _app.ClientFor(WorkflowApp.AuditorKey).GetStringAsync($"/api/campaigns/{c2026}/report.csv");
        Assert.Contains("Spend coverage,Coverage (%),100.0\r\n", csv);
        Assert.Contains("Year over year,Previous campaign,Calendar 2025\r\n", csv);
        Assert.Contains("Year over year,Response rate last year (%),33.3\r\n", csv);
        Assert.Contains("Year over year,Smelters no longer named,1\r\n", csv);

        // A frozen filing keeps the blocks as they were served.
        var freeze = await owner.PostAsJsonAsync($"/api/campaigns/{c2026}/filings", new { asOf = "2027-01-15", reason = "year-over-year test" });
        Assert.Equal(HttpStatusCode.Created, freeze.StatusCode);
        var filingId = (await freeze.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var frozen = await _app.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement>($"/api/filings/{filingId}/report");
        Assert.Equal(["CID000103"], Cids(frozen.GetProperty("yearOverYear").GetProperty("droppedSmelters")));
        Assert.Equal(100.0, frozen.GetProperty("spendCoverage").GetProperty("percent").GetDouble());
    }

    [Fact]
    public async Task CarryOverLinks_TakePrecedenceOverTheCalendar()
    {
        var owner = _app.ClientFor(WorkflowApp.OwnerKey);
        var (pilot, y2024) = await CampaignAsync(owner, "Pilot 2024", 2024, "name,email,country,spend\nAcme Alloys,acme@yoy.example,Germany,1000\n");
        var (_, y2025) = await CampaignAsync(owner, "Calendar 2025", 2025);
        var (c2026, y2026) = await CampaignAsync(owner, "Calendar 2026", 2026);
        await SubmitAsync(owner, y2024["Acme Alloys"], GeneratedDeclarations.Complete("6.31"), "accepted");
        await SubmitAsync(owner, y2025["Acme Alloys"], DeclarationComparisonTests.Changed("6.31"), "red-flag");
        await SubmitAsync(owner, y2026["Acme Alloys"], DeclarationComparisonTests.Changed("6.5"), "red-flag");

        // By the calendar: 2025, which already said everything 2026 says.
        var byCalendar = await YearOverYearAsync(y2026["Acme Alloys"]);
        Assert.Equal(y2025["Acme Alloys"], byCalendar.GetProperty("previousCaseId").GetGuid());
        Assert.Empty(byCalendar.GetProperty("smeltersAdded").EnumerateArray());
        Assert.Empty(byCalendar.GetProperty("answersChanged").EnumerateArray());

        // The carry-over link (set by the campaign copy) wins over the calendar.
        await SqlAsync("update workflow.cases set previous_case_id = @value where id = @id", y2024["Acme Alloys"], y2026["Acme Alloys"]);
        var linked = await YearOverYearAsync(y2026["Acme Alloys"]);
        Assert.Equal(y2024["Acme Alloys"], linked.GetProperty("previousCaseId").GetGuid());
        Assert.Equal("Pilot 2024", linked.GetProperty("previousCampaignName").GetString());
        Assert.Equal(["CID000999"], Cids(linked.GetProperty("smeltersAdded")));
        Assert.Equal(["CID000103"], Cids(linked.GetProperty("smeltersRemoved")));

        var report = await _app.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement>($"/api/campaigns/{c2026}/report");
        Assert.Equal("Calendar 2025", report.GetProperty("yearOverYear").GetProperty("previousCampaignName").GetString());
        await SqlAsync("update workflow.campaigns set copied_from = @value where id = @id", pilot, c2026);
        report = await _app.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement>($"/api/campaigns/{c2026}/report");
        Assert.Equal("Pilot 2024", report.GetProperty("yearOverYear").GetProperty("previousCampaignName").GetString());
    }

    [Fact]
    public async Task CampaignCopiedFromLastYear_UsesTheLinksTheCarryOverSets()
    {
        var owner = _app.ClientFor(WorkflowApp.OwnerKey);
        var (c2025, y2025) = await CampaignAsync(owner, "Calendar 2025", 2025);
        await SubmitAsync(owner, y2025["Acme Alloys"], GeneratedDeclarations.Complete("6.31"), "accepted");
        var created = await owner.PostAsJsonAsync("/api/campaigns",
            new { name = "Calendar 2026", periodStart = "2026-01-01", periodEnd = "2026-12-31", responseDueDate = "2027-03-31", copyFrom = c2025 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var c2026 = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var y2026 = (await owner.LaunchAndListAsync(c2026)).ToDictionary(c => c.GetProperty("supplierName").GetString()!, c => c.GetProperty("id").GetGuid());
        await SubmitAsync(owner, y2026["Acme Alloys"], DeclarationComparisonTests.Changed("6.5"), "red-flag");

        var acme = await YearOverYearAsync(y2026["Acme Alloys"]);
        Assert.Equal(y2025["Acme Alloys"], acme.GetProperty("previousCaseId").GetGuid());
        Assert.Equal(["CID000103"], Cids(acme.GetProperty("smeltersRemoved")));
        var report = await _app.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement>($"/api/campaigns/{c2026}/report");
        Assert.Equal(c2025, report.GetProperty("yearOverYear").GetProperty("previousCampaignId").GetGuid());
        Assert.Equal(["CID000103"], Cids(report.GetProperty("yearOverYear").GetProperty("droppedSmelters")));
    }

    [Fact]
    public async Task Pages_CaseDashboardAndReport_ShowLastYear_SupplierTextEncoded()
    {
        var owner = _app.ClientFor(WorkflowApp.OwnerKey);
        const string csv = "name,email,country,spend\nAcme Alloys,acme@yoy.example,Germany,1000\n";
        var (_, y2025) = await CampaignAsync(owner, "Calendar 2025", 2025, csv);
        var (c2026, y2026) = await CampaignAsync(owner, "Calendar 2026", 2026, csv);
        await SubmitAsync(owner, y2025["Acme Alloys"], GeneratedDeclarations.Complete("6.31"), "accepted");
        var spec = GeneratedDeclarations.Complete("6.5");
        var hostile = new SmelterLine("Gold", "Smelter not listed", "<script>alert(1)</script> Gold", "Peru", null);
        await SubmitAsync(owner, y2026["Acme Alloys"], spec with { Smelters = [.. spec.Smelters, hostile] }, null);

        var auditor = await PageClient.SignedInAsync(_app, Roles.Auditor);
        var casePage = await auditor.GetHtmlAsync($"/cases/{y2026["Acme Alloys"]}");
        Assert.Contains("Since last year", casePage);
        Assert.Contains($"href=\"/cases/{y2025["Acme Alloys"]}\"", casePage);
        Assert.Contains("Smelters added", casePage);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Gold", casePage);
        Assert.DoesNotContain("<script>alert(1)", casePage);

        var dashboard = await auditor.GetHtmlAsync($"/campaigns/{c2026}");
        Assert.Contains("Against last year", dashboard);
        Assert.Contains("100% (1,000 of 1,000) this year, 100% (1,000 of 1,000) last year", dashboard);

        var report = await auditor.GetHtmlAsync($"/campaigns/{c2026}/report");
        Assert.Contains("Smelters named this year and by no supplier last year", report);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Gold", report);
        Assert.DoesNotContain("<script>alert(1)", report);

        // The first year: no comparison, said in words.
        var firstYear = await auditor.GetHtmlAsync($"/cases/{y2025["Acme Alloys"]}");
        Assert.Contains("no case in an earlier campaign", firstYear);
    }

    [Fact]
    public async Task UnknownCase_Is404()
    {
        var response = await _app.ClientFor(WorkflowApp.AuditorKey).GetAsync($"/api/cases/{Guid.NewGuid()}/year-over-year");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
