using System.Net.Http.Json;
using System.Text.Json;
using Workflow.DevHost.Demo;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Reports;

public class DemoReportTests
{
    [Fact]
    public async Task Report_DemoCampaign_FiguresFollowTheDemoData()
    {
        using var app = new WorkflowApp();
        var id = await app.Service<DemoCampaignLoader>().LoadAsync(CancellationToken.None);
        var auditor = app.ClientFor(WorkflowApp.AuditorKey);

        var r = await auditor.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/report");
        var cases = await auditor.GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{id}/cases");

        int Get(string section, string figure) => r.GetProperty(section).GetProperty(figure).GetInt32();
        var withSubmissions = cases!.Count(c => c.TryGetProperty("lastOutcome", out var o) && o.ValueKind == JsonValueKind.String);
        var stillInvalid = cases!.Count(c => c.GetProperty("state").GetString() == "Invalid");
        Assert.Equal(132, Get("responses", "surveyed"));
        Assert.Equal(withSubmissions, Get("responses", "responded"));
        Assert.Equal(stillInvalid, Get("validity", "stillInvalidAfterCorrectionRequest"));
        Assert.Equal(withSubmissions, Get("validity", "valid") + Get("validity", "invalid"));
        Assert.Equal(132, Get("determinations", "noConflictMinerals") + Get("determinations", "notFromCoveredCountries")
            + Get("determinations", "recycledOrScrap") + Get("determinations", "coveredCountriesConformant")
            + Get("determinations", "undetermined") + Get("determinations", "noValidResponse"));
        Assert.True(Get("smelters", "onReferenceList") > Get("smelters", "conformant"));
        Assert.True(Get("smelters", "conformant") > Get("smelters", "active"));
        // The six red-flag suppliers together name each covered-country smelter of the demo list once, as the seed's six.
        var coveredSmelters = Workflow.DevHost.Demo.DemoSmelters.Create().All.Count(s => Workflow.DevHost.Demo.DemoSmelters.CoveredCountries.Contains(s.Country));
        Assert.Equal(coveredSmelters, r.GetProperty("redFlagSmelters").GetArrayLength());
        Assert.True(r.GetProperty("scopes").GetProperty("mostCompanyLevel").GetBoolean());
        Assert.True(Get("followUp", "terminationsApproved") > 0);
        var summary = r.GetProperty("summary").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.StartsWith($"132 suppliers surveyed; {Math.Round(100.0 * withSubmissions / 132):0}% responded by 2027-03-31", summary[0]);
    }
}
