using System.Text.Json;
using System.Text.RegularExpressions;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Reports;

namespace Workflow.IntegrationTests.Dashboards;

/// <summary>
/// The dashboard, the overview and the report page against the constructed campaign (six suppliers: four answer on
/// launch day, Delta's answer stays invalid, Foxtrot answers after the 2027-03-31 due date with a red flag whose risk
/// management accepts, Echo never answers). Every figure checked here is one a reader sees.
/// </summary>
public class DashboardPagesTests(ConstructedCampaign campaign) : IClassFixture<ConstructedCampaign>
{
    private HttpClient Auditor => campaign.App.ClientFor(WorkflowApp.AuditorKey);
    private Guid Id => campaign.Scenario.Campaign;

    [Fact]
    public async Task Dashboard_TilesCurveAndStateBar_MatchTheCampaign()
    {
        var html = await Auditor.GetStringAsync($"/campaigns/{Id}");
        var report = await campaign.Scenario.ReportAsync();

        Assert.Equal("6", Tile(html, "suppliers surveyed"));
        Assert.Equal("5", Tile(html, "responded"));
        Assert.Equal("4", Tile(html, "valid CMRTs"));
        Assert.Equal("1", Tile(html, "with red flags"));
        Assert.Equal("0", Tile(html, "escalations overdue"));

        // The curve ends at every response received, the due date is marked and labelled, and today after it too.
        Assert.Contains("data-responded=\"5\" data-cases=\"6\"", html);
        Assert.Matches("class=\"marker due-marker\"><line [^>]+>(</line>)?<text [^>]+>Due 31 Mar</text>", html);
        Assert.Contains("class=\"marker today-marker\"", html);
        Assert.Contains("Responses received so far: 5 of 6 suppliers (83.3%)", html);
        // Four responses on launch day, the fifth on 5 April: the per-day table says so.
        Assert.Matches(@"<td>2027-04-05</td><td class=""num"">1</td><td class=""num"">5</td>", html);

        // One stacked bar: a segment per state with cases, the counts as the report has them.
        foreach (var state in report.GetProperty("casesByState").EnumerateObject().Where(s => s.Value.GetInt32() > 0))
            Assert.Contains($"data-state=\"{state.Name}\" data-count=\"{state.Value.GetInt32()}\"", html);
        Assert.Equal(6, Regex.Matches(html, "data-state=\"\\w+\" data-count=\"(\\d+)\"").Sum(m => int.Parse(m.Groups[1].Value)));
        Assert.Contains("role=\"img\" aria-labelledby=\"states-title\"", html);
    }

    [Fact]
    public async Task Dashboard_RedFlagsByMetalAndCountry_CountTheSupplierNamingTheFlaggedSmelter()
    {
        var html = await Auditor.GetStringAsync($"/campaigns/{Id}");
        var flag = (await campaign.Scenario.ReportAsync()).GetProperty("redFlagSmelters")[0];

        Assert.Contains($"<th scope=\"row\">{flag.GetProperty("metal").GetString()}</th><td class=\"num\">1</td>", html);
        Assert.Contains("Red flags by smelter country", html);
        Assert.Contains("aria-labelledby=\"rf-metal-title\"", html);
        Assert.Contains("aria-labelledby=\"rf-country-title\"", html);
    }

    [Fact]
    public async Task Overview_OneRowPerCampaign_WithItsFigures()
    {
        var html = await Auditor.GetStringAsync("/overview");

        var row = Regex.Match(html, $"<tr data-campaign=\"{Id}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Constructed 2026", row);
        Assert.Contains(">2026<", row);
        Assert.Equal("6", Field(row, "surveyed"));
        Assert.Equal("83.3%", Field(row, "response-rate"));
        Assert.Equal("80%", Field(row, "valid"));
        Assert.Equal("1", Field(row, "red-flags"));
        Assert.Equal("0", Field(row, "open-escalations"));
        Assert.Equal("Not frozen", Field(row, "filing"));
        Assert.Contains("Response rate by reporting year: 2026: 83.3%", html);
        Assert.Contains("Suppliers with red flags by reporting year: 2026: 1", html);
        Assert.Contains("class=\"sortable", html);
    }

    [Fact]
    public async Task Report_SummaryTilesContentsAndFoldedAppendix_NothingDropped()
    {
        var html = await Auditor.GetStringAsync($"/campaigns/{Id}/report");

        Assert.Equal("6", Tile(html, "suppliers surveyed"));
        Assert.Equal("83.3%", Tile(html, "response rate (5 responded)"));
        Assert.Equal("1", Tile(html, "smelters raising a red flag"));
        Assert.Contains("<a href=\"#appendix-a\">Appendix A (4)</a>", html);
        Assert.Contains("<a href=\"#section-responses\">Responses</a>", html);
        Assert.Contains("id=\"section-responses\"", html);
        Assert.Contains("appendix-a.csv (all 4)", html);
        // Every Appendix A row is still on the page, in a details element that print opens.
        foreach (var name in new[] { "Alpha Gold Refinery Co., Ltd.", "Beta Bullion AG", "Delta Tin Rwanda", "Gamma Tin Works" })
            Assert.Contains(name, html);
        Assert.Matches(@"<th scope=""row"">Suppliers surveyed</th><td class=""num"">6</td>", html);
    }

    [Fact]
    public async Task Workflow_DrawnByGraphviz_EveryVisibleStateAndTriggerWords()
    {
        var html = await Auditor.GetStringAsync("/workflow");
        var svg = await Auditor.GetStringAsync("/workflow/diagram.svg");

        Assert.Contains("<!-- Generated by graphviz", html);
        Assert.Contains("class=\"graph\"", html);
        Assert.DoesNotContain("<?xml", html);
        Assert.DoesNotContain("<!DOCTYPE svg", html);
        foreach (var state in Enum.GetNames<Workflow.Domain.Cases.CaseState>())
            Assert.Contains($">{state}</text>", html);
        Assert.Contains(">CMRT accepted</text>", html);
        Assert.Contains(">Awaiting response</text>", html);
        Assert.Contains("role=\"img\" aria-labelledby=\"workflow-diagram-title\"", html);
        Assert.StartsWith("<!-- Generated by graphviz", svg);
    }

    private static string Tile(string html, string label) =>
        Regex.Match(html, $"<span class=\"tile-value\">([^<]*)</span><span class=\"tile-label\">{Regex.Escape(label)}").Groups[1].Value;

    private static string Field(string row, string field) =>
        Regex.Match(row, $"data-field=\"{field}\"[^>]*>([^<]*)<").Groups[1].Value;
}
