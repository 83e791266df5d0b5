using System.Net;
using System.Text.Json;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Reports;

public class ReportFiguresTests(ConstructedCampaign campaign) : IClassFixture<ConstructedCampaign>
{
    private static int Int(JsonElement e, string section, string figure) => e.GetProperty(section).GetProperty(figure).GetInt32();

    [Fact]
    public async Task Report_ConstructedCampaign_ResponsesAndValidity()
    {
        var r = await campaign.Scenario.ReportAsync();

        Assert.Equal(6, Int(r, "responses", "surveyed"));
        Assert.Equal(5, Int(r, "responses", "responded"));
        Assert.Equal(83.3, r.GetProperty("responses").GetProperty("responseRatePercent").GetDouble());
        Assert.Equal(4, Int(r, "responses", "respondedByDueDate"));
        Assert.Equal(66.7, r.GetProperty("responses").GetProperty("responseRateByDueDatePercent").GetDouble());
        Assert.Equal(4, Int(r, "validity", "valid"));
        Assert.Equal(1, Int(r, "validity", "invalid"));
        Assert.Equal(1, Int(r, "validity", "stillInvalidAfterCorrectionRequest"));
        Assert.Equal(1, Int(r, "validity", "corrected"));
        Assert.Equal(6, Int(r, "validity", "submissionsReceived"));
    }

    [Fact]
    public async Task Report_ConstructedCampaign_DeterminationsScopesAndPrograms()
    {
        var r = await campaign.Scenario.ReportAsync();

        Assert.Equal(1, Int(r, "determinations", "noConflictMinerals"));
        Assert.Equal(1, Int(r, "determinations", "notFromCoveredCountries"));
        // Foxtrot answers No for covered countries but names a conformant smelter located in Rwanda.
        Assert.Equal(1, Int(r, "determinations", "coveredCountriesConformant"));
        Assert.Equal(1, Int(r, "determinations", "undetermined"));
        Assert.Equal(0, Int(r, "determinations", "recycledOrScrap"));
        Assert.Equal(2, Int(r, "determinations", "noValidResponse"));
        Assert.Equal(3, Int(r, "scopes", "company"));
        Assert.Equal(1, Int(r, "scopes", "product"));
        Assert.True(r.GetProperty("scopes").GetProperty("mostCompanyLevel").GetBoolean());
        Assert.Equal(2, Int(r, "programStrength", "strong"));
        Assert.Equal(1, Int(r, "programStrength", "weak"));
        Assert.Equal(1, Int(r, "programStrength", "notApplicable"));
    }

    [Fact]
    public async Task Report_ConstructedCampaign_SmeltersRedFlagsAndFollowUp()
    {
        var r = await campaign.Scenario.ReportAsync();

        Assert.Equal(5, Int(r, "smelters", "identified"));
        Assert.Equal(4, Int(r, "smelters", "onReferenceList"));
        Assert.Equal(2, Int(r, "smelters", "conformant"));
        Assert.Equal(1, Int(r, "smelters", "active"));
        Assert.Equal(1, Int(r, "smelters", "notAudited"));
        Assert.Equal(1, Int(r, "smelters", "unknownOrNotListed"));
        var flag = Assert.Single(r.GetProperty("redFlagSmelters").EnumerateArray());
        Assert.Equal("CID900004", flag.GetProperty("cid").GetString());
        Assert.Equal(["Foxtrot Fasteners"], flag.GetProperty("suppliers").EnumerateArray().Select(s => s.GetString()));
        Assert.NotEmpty(flag.GetProperty("reasons").EnumerateArray());
        Assert.Equal(1, Int(r, "followUp", "everEscalated"));
        Assert.Equal(1, Int(r, "followUp", "riskAccepted"));
        Assert.Equal(1, Int(r, "followUp", "productLevelCmrtsRequested"));
        Assert.Contains("report-test-list", r.GetProperty("referenceListVersions").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains("default", r.GetProperty("policyVersions").EnumerateArray().Select(v => v.GetString()));
        var summary = r.GetProperty("summary").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.StartsWith("6 suppliers surveyed; 67% responded by 2027-03-31", summary[0]);
    }

    [Fact]
    public async Task AppendixA_RecognisedSmelters_ListedOnceSortedQuotedWithStatus()
    {
        var csv = await campaign.App.ClientFor(WorkflowApp.AuditorKey).GetStringAsync($"/api/campaigns/{campaign.Scenario.Campaign}/appendix-a.csv");

        // Zeta Smelting Co. matches no reference-list entry: it is a name to follow up, not a legitimate smelter (seed, Appendix A).
        Assert.Equal(string.Join("\r\n",
            "Metal,Standard Smelter Name,Smelter Facility Location,Status",
            "Gold,\"Alpha Gold Refinery Co., Ltd.\",JAPAN,Conformant",
            "Gold,Beta Bullion AG,GERMANY,Active (undergoing audit)",
            "Tin,Delta Tin Rwanda,RWANDA,Conformant",
            "Tin,Gamma Tin Works,MALAYSIA,Not audited") + "\r\n", csv);
    }

    [Fact]
    public async Task UnrecognisedSmelters_NamesOffTheList_WithTheSuppliersWhoNamedThem()
    {
        var auditor = campaign.App.ClientFor(WorkflowApp.AuditorKey);
        var id = campaign.Scenario.Campaign;

        var csv = await auditor.GetStringAsync($"/api/campaigns/{id}/unrecognised-smelters.csv");
        var page = await auditor.GetStringAsync($"/campaigns/{id}/report");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Metal,Smelter Name (as given),Country (as given),Named by", lines[0]);
        var zeta = Assert.Single(lines.Skip(1));
        Assert.StartsWith("Gold,Zeta Smelting Co.,", zeta);
        Assert.Contains("Names to follow up", page);
        Assert.Contains("Zeta Smelting Co.", page[page.IndexOf("Names to follow up", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("Zeta Smelting Co.", page[page.IndexOf("<h2>Appendix A", StringComparison.Ordinal)..page.IndexOf("Names to follow up", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Report_AsOfBeforeTheLateAnswer_CountsOnlyWhatHadHappenedByThatDay()
    {
        var auditor = campaign.App.ClientFor(WorkflowApp.AuditorKey);
        var id = campaign.Scenario.Campaign;

        var live = JsonDocument.Parse(await auditor.GetStringAsync($"/api/campaigns/{id}/report")).RootElement;
        var filed = JsonDocument.Parse(await auditor.GetStringAsync($"/api/campaigns/{id}/report?asOf=2027-03-31")).RootElement;
        var liveAppendix = await auditor.GetStringAsync($"/api/campaigns/{id}/appendix-a.csv");
        var filedAppendix = await auditor.GetStringAsync($"/api/campaigns/{id}/appendix-a.csv?asOf=2027-03-31");
        var page = await auditor.GetStringAsync($"/campaigns/{id}/report?asOf=2027-03-31");
        var csv = await auditor.GetStringAsync($"/api/campaigns/{id}/report.csv?asOf=2027-03-31");

        // Foxtrot answered on 2027-04-05 and its risk was accepted then: neither counts for an effort through March 31.
        Assert.Equal((5, 4), (Int(live, "responses", "responded"), Int(filed, "responses", "responded")));
        Assert.Equal((4, 3), (Int(live, "validity", "valid"), Int(filed, "validity", "valid")));
        Assert.Equal((1, 0), (Int(live, "followUp", "riskAccepted"), Int(filed, "followUp", "riskAccepted")));
        Assert.Equal(6, Int(filed, "responses", "surveyed"));
        Assert.Equal("2027-03-31", filed.GetProperty("asOf").GetString());
        Assert.False(live.TryGetProperty("asOf", out var liveAsOf) && liveAsOf.ValueKind != JsonValueKind.Null, "the live report has no as-of date");
        Assert.StartsWith("Effort through March 31, 2027", filed.GetProperty("summary").EnumerateArray().Last().GetString());
        // Delta Tin Rwanda was named only by Foxtrot.
        Assert.Contains("Delta Tin Rwanda", liveAppendix);
        Assert.DoesNotContain("Delta Tin Rwanda", filedAppendix);
        Assert.Contains("Counting what was received and decided through 31 March 2027", page);
        Assert.Contains("appendix-a.csv?asOf=2027-03-31", page);
        Assert.Contains("Campaign,Effort through,2027-03-31\r\n", csv);
        Assert.Contains("Responses,Suppliers responded,4\r\n", csv);
    }

    [Fact]
    public async Task Report_AsOfBeforeLaunch_NothingSurveyed_AndAnUnreadableDateIsRefused()
    {
        var auditor = campaign.App.ClientFor(WorkflowApp.AuditorKey);
        var id = campaign.Scenario.Campaign;

        var before = JsonDocument.Parse(await auditor.GetStringAsync($"/api/campaigns/{id}/report?asOf=2027-01-14")).RootElement;
        var bad = await auditor.GetAsync($"/api/campaigns/{id}/report?asOf=31.03.2027x");

        Assert.Equal(0, Int(before, "responses", "surveyed"));
        Assert.Equal(0, Int(before, "validity", "submissionsReceived"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Exports_AndPage_ServeTheSameFigures()
    {
        var auditor = campaign.App.ClientFor(WorkflowApp.AuditorKey);
        var id = campaign.Scenario.Campaign;

        var csv = await auditor.GetStringAsync($"/api/campaigns/{id}/report.csv");
        var xlsx = await auditor.GetByteArrayAsync($"/api/campaigns/{id}/report.xlsx");
        var appendix = await auditor.GetByteArrayAsync($"/api/campaigns/{id}/appendix-a.xlsx");
        var page = await auditor.GetStringAsync($"/campaigns/{id}/report");
        var anonymous = await campaign.App.ClientFor(null).GetAsync($"/campaigns/{id}/report");

        Assert.Contains("Responses,Suppliers surveyed,6\r\n", csv);
        Assert.Contains("Validity,Still invalid after correction request,1\r\n", csv);
        Assert.Equal((byte)'P', xlsx[0]);
        Assert.Equal((byte)'P', appendix[0]);
        Assert.Contains("<h2>Responses</h2>", page);
        Assert.Contains("Zeta Smelting Co.", page);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Report_UnknownCampaign_Is404()
    {
        var response = await campaign.App.ClientFor(WorkflowApp.AuditorKey).GetAsync($"/api/campaigns/{Guid.NewGuid()}/report");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
