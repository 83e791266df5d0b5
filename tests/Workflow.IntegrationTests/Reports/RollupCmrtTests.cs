using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.Tests.Shared;
using static Workflow.IntegrationTests.Reports.ReportWorkbooks;

namespace Workflow.IntegrationTests.Reports;

public class RollupCmrtTests(RollupCmrtTests.Campaign campaign) : IClassFixture<RollupCmrtTests.Campaign>
{
    /// <summary>Two valid suppliers, no red flag: the roll-up should be a clean CMRT.</summary>
    public sealed class Campaign : IAsyncLifetime
    {
        public WorkflowApp App { get; } = new(settings: CompanySettings());
        public ReportScenario Scenario { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var s = Scenario = await ReportScenario.StartAsync(App, "Rollup 2026", "Alpha Parts", "Charlie Cables");
            await s.SubmitAsync("Alpha Parts", s.Spec("Alpha Parts").InScope("No", "No", Metal.Gold, Metal.Tin) with
            {
                Smelters = [Line(AlphaGold), Line(GammaTin), Variant(Metal.Gold, "ALPHA GOLD REFINERY CO LTD", "Japan")],
            });
            await s.SubmitAsync("Charlie Cables", s.Spec("Charlie Cables").InScope("No", "No", Metal.Gold) with { Smelters = [Line(BetaGold)] });
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private static CmrtDeclaration ReadBack(byte[] file)
    {
        var options = CmrtReaderOptions.Default with { ReferenceList = List() };
        var evaluation = DefaultPolicy.Evaluator(options).Evaluate(new MemoryStream(file), new DateOnly(2027, 12, 31));
        Assert.True(evaluation.Outcome == Outcome.Accepted,
            string.Join("\n", evaluation.Findings.Where(f => f.Severity != FindingSeverity.Warning).Select(f => $"{f.Location}: {f.Message}")));
        return evaluation.Declaration!;
    }

    [Fact]
    public async Task Rollup_ReadsBackAccepted_WithDerivedAnswersAndUnionOfSmelters()
    {
        var response = await campaign.App.ClientFor(WorkflowApp.AuditorKey).GetAsync($"/api/campaigns/{campaign.Scenario.Campaign}/rollup-cmrt.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("accepted", response.Headers.GetValues("X-Cmrt-Readback").Single());
        var d = ReadBack(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("6.5", d.Version);
        Assert.Equal("Example Motors, Inc.", d.Company.Name);
        Assert.Equal(DeclarationScope.Company, d.Scope);
        Assert.True(d.For(Metal.Gold).InScope);
        Assert.True(d.For(Metal.Tin).InScope);
        Assert.False(d.For(Metal.Tantalum).InScope);
        Assert.Equal(Answer.No, d.For(Metal.Gold).CoveredCountrySourcing.Value);
        Assert.Equal("100%", d.For(Metal.Gold).SupplierResponse.Raw);
        Assert.Equal(["CID900001", "CID900002", "CID900003"], d.Smelters.Select(s => s.Cid!).Order());
    }

    [Fact]
    public async Task Rollup_ConvertsToPdfWithLibreOffice()
    {
        var file = await campaign.App.ClientFor(WorkflowApp.OwnerKey).GetByteArrayAsync($"/api/campaigns/{campaign.Scenario.Campaign}/rollup-cmrt.xlsx");

        var pdf = await LibreOffice.ConvertToPdfAsync(file, "rollup.xlsx");

        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
    }

    [Fact]
    public async Task Overrides_OwnerSetsAnswers_RollupUsesThemAndKeepsHistory()
    {
        var owner = campaign.App.ClientFor(WorkflowApp.OwnerKey);
        var id = campaign.Scenario.Campaign;

        var put = await owner.PutAsJsonAsync($"/api/campaigns/{id}/rollup-overrides",
            new { answers = new Dictionary<string, string> { ["B"] = "Yes", ["Tin.Q3"] = "Unknown" }, comments = new Dictionary<string, string> { ["B"] = "https://example-motors.example/minerals" } });
        var forbidden = await campaign.App.ClientFor(WorkflowApp.AuditorKey).PutAsJsonAsync($"/api/campaigns/{id}/rollup-overrides", new { });
        var bad = await owner.PutAsJsonAsync($"/api/campaigns/{id}/rollup-overrides", new { answers = new Dictionary<string, string> { ["Gold.Q9"] = "x", ["A"] = "Maybe" } });
        var d = ReadBack(await owner.GetByteArrayAsync($"/api/campaigns/{id}/rollup-cmrt.xlsx"));
        var stored = await owner.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/rollup-overrides");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("answers.Gold.Q9", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("answers.A", out _));
        Assert.Equal(Answer.Unknown, d.For(Metal.Tin).CoveredCountrySourcing.Value);
        Assert.Equal(Answer.No, d.For(Metal.Gold).CoveredCountrySourcing.Value);
        Assert.True(d.CompanyQuestions.PolicyPublic!.IsYes);
        Assert.Equal("apikey:owner", stored.GetProperty("history")[0].GetProperty("setBy").GetString());
    }

    [Fact]
    public async Task Rollup_WithoutCompanyDetails_Is409ListingThem()
    {
        using var app = new WorkflowApp(settings: new Dictionary<string, string?> { ["Company:Name"] = "Example Motors, Inc." });
        var owner = app.ClientFor(WorkflowApp.OwnerKey);
        var id = await owner.CreateCampaignAsync("No company");

        var response = await owner.GetAsync($"/api/campaigns/{id}/rollup-cmrt.xlsx");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var missing = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToList();
        // The settings fields still empty (the name came from configuration), as /settings and PUT /api/settings name them.
        Assert.Equal(["company.address", "company.contactName", "company.contactEmail", "company.contactPhone", "company.authorizerName",
            "company.authorizerTitle", "company.authorizerEmail", "company.authorizerPhone"], missing);
    }
}
