using Workflow.Tests.Shared;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading;
using Workflow.IntegrationTests.Infrastructure;
using static Workflow.IntegrationTests.Reports.ReportWorkbooks;

namespace Workflow.IntegrationTests.Reports;

/// <summary>With Reports:CmrtTemplatePath set, the roll-up is RMI's own 6.5 template (from ../shared/data) filled in.</summary>
public class RollupFromRmiTemplateTests(RollupFromRmiTemplateTests.Campaign campaign) : IClassFixture<RollupFromRmiTemplateTests.Campaign>
{
    public static string TemplatePath => SharedData.Path("cmrt", "rmi-templates", "RMI_CMRT_6.5.xlsx");

    public sealed class Campaign : IAsyncLifetime
    {
        // Built only where RMI's template is available; every test of the class is skipped otherwise.
        public WorkflowApp App { get; private set; } = null!;
        public ReportScenario Scenario { get; private set; } = null!;
        public byte[] Rollup { get; private set; } = [];

        public async Task InitializeAsync()
        {
            if (!RealFiles.Available) return;
            App = new WorkflowApp(settings: new Dictionary<string, string?>(CompanySettings()) { ["Reports:CmrtTemplatePath"] = TemplatePath });
            var s = Scenario = await ReportScenario.StartAsync(App, "Template 2026", "Alpha Parts", "Charlie Cables");
            await s.SubmitAsync("Alpha Parts", s.Spec("Alpha Parts").InScope("No", "No", Metal.Gold, Metal.Tin) with
            {
                Smelters = [Line(AlphaGold), Line(GammaTin)],
            });
            await s.SubmitAsync("Charlie Cables", s.Spec("Charlie Cables").InScope("No", "No", Metal.Gold) with { Smelters = [Line(BetaGold)] });
            var response = await App.ClientFor(WorkflowApp.AuditorKey).GetAsync($"/api/campaigns/{s.Campaign}/rollup-cmrt.xlsx");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("accepted", response.Headers.GetValues("X-Cmrt-Readback").Single());
            Rollup = await response.Content.ReadAsByteArrayAsync();
        }

        public Task DisposeAsync()
        {
            App?.Dispose();
            return Task.CompletedTask;
        }
    }

    [RealFilesFact]
    public void Rollup_IsRmisTemplate_WithItsSheetsStylesAndChecker_AndOurAnswers()
    {
        using var zip = new ZipArchive(new MemoryStream(campaign.Rollup));
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var workbook = XDocument.Load(zip.GetEntry("xl/workbook.xml")!.Open());
        var sheets = workbook.Root!.Element(main + "sheets")!.Elements(main + "sheet").Select(s => (string)s.Attribute("name")!).ToList();
        Assert.Equal(["Revision", "Instructions", "Definitions", "Declaration", "Smelter List", "Checker", "Product List", "Smelter Look-up", "L", "C", "SorP"], sheets);
        Assert.Equal("1", (string?)workbook.Root.Element(main + "calcPr")!.Attribute("fullCalcOnLoad"));

        using var template = new ZipArchive(File.OpenRead(TemplatePath));
        // Styles, strings, pictures, the translations and look-up lists are byte for byte RMI's.
        foreach (var part in new[] { "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet9.xml", "xl/worksheets/sheet10.xml", "xl/worksheets/sheet11.xml" })
            Assert.Equal(Bytes(template, part), Bytes(zip, part));

        var declaration = XDocument.Load(zip.GetEntry("xl/worksheets/sheet4.xml")!.Open());
        XElement Cell(XDocument sheet, string address) => sheet.Descendants(main + "c").Single(c => (string?)c.Attribute("r") == address);
        var d8 = Cell(declaration, "D8");
        Assert.Equal("Example Motors, Inc.", d8.Value);
        Assert.Equal("199", (string?)d8.Attribute("s")); // the template's own style for the company name

        // The copy in ../shared was saved with Chinese selected; the roll-up is English, down to the cached labels.
        Assert.Equal("English", Cell(declaration, "D3").Value);
        Assert.Equal("1", Cell(declaration, "P3").Element(main + "v")!.Value);
        Assert.Equal("Answer", Cell(declaration, "D25").Element(main + "v")!.Value);
        Assert.Contains("OFFSET(L!$C$1", Cell(declaration, "D25").Element(main + "f")!.Value); // still RMI's formula
        var smelters = XDocument.Load(zip.GetEntry("xl/worksheets/sheet5.xml")!.Open());
        Assert.Equal("Metal (*)", Cell(smelters, "B4").Element(main + "v")!.Value);
    }

    [RealFilesFact]
    public void Rollup_ReadsBackThroughOurReader_As65WithTheUnionOfSmelters()
    {
        var options = CmrtReaderOptions.Default with { ReferenceList = List() };
        var evaluation = DefaultPolicy.Evaluator(options).Evaluate(new MemoryStream(campaign.Rollup), new DateOnly(2027, 12, 31));

        Assert.True(evaluation.Outcome == Outcome.Accepted,
            string.Join("\n", evaluation.Findings.Where(f => f.Severity != FindingSeverity.Warning).Select(f => $"{f.Location}: {f.Message}")));
        var d = evaluation.Declaration!;
        Assert.Equal("6.5", d.Version);
        Assert.Equal("Example Motors, Inc.", d.Company.Name);
        Assert.True(d.For(Metal.Gold).InScope);
        Assert.False(d.For(Metal.Tungsten).InScope);
        Assert.Equal(["CID900001", "CID900002", "CID900003"], d.Smelters.Select(s => s.Cid!).Order());
    }

    [RealFilesFact]
    public async Task Rollup_FromTheTemplate_ConvertsToPdfWithLibreOffice()
    {
        var pdf = await LibreOffice.ConvertToPdfAsync(campaign.Rollup, "rollup-template.xlsx");

        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
    }

    [RealFilesFact]
    public async Task MissingTemplateFile_Is409SayingWhichPath()
    {
        using var app = new WorkflowApp(settings: new Dictionary<string, string?>(CompanySettings())
        {
            ["Reports:CmrtTemplatePath"] = "/nonexistent/RMI_CMRT_6.5.xlsx",
        });
        var owner = app.ClientFor(WorkflowApp.OwnerKey);
        var id = await owner.CreateCampaignAsync("No template");

        var response = await owner.GetAsync($"/api/campaigns/{id}/rollup-cmrt.xlsx");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("/nonexistent/RMI_CMRT_6.5.xlsx", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    private static byte[] Bytes(ZipArchive zip, string part)
    {
        using var stream = zip.GetEntry(part)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
