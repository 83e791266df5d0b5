using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Application.Email;
using Workflow.Application.Reference;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Writing;
using Workflow.Infrastructure.Jobs;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Reports;

namespace Workflow.IntegrationTests.ProductLevel;

/// <summary>
/// The seed's escalation plan: a company-level CMRT naming a smelter of concern asks the supplier for a product-level
/// CMRT for the parts we buy from it, before management sees the case.
/// </summary>
public class ProductLevelRequestTests : IClassFixture<ProductLevelRequestTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public SmtpSink Sink { get; } = new SmtpSink().Start();
        public WorkflowApp Workflow { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Workflow = new WorkflowApp(settings: FollowUpSteps.Manual(Sink.Settings()));
            await Workflow.Service<ReferenceListStore>().ImportAsync(ReportWorkbooks.List(), "product-level tests", "test", CancellationToken.None);
        }

        public async Task DisposeAsync()
        {
            Workflow.Dispose();
            await Sink.DisposeAsync();
        }
    }

    private readonly App _fixture;
    private readonly WorkflowApp _app;
    private readonly HttpClient _owner;

    public ProductLevelRequestTests(App app)
    {
        _fixture = app;
        _app = app.Workflow;
        _owner = _app.ClientFor(WorkflowApp.OwnerKey);
    }

    /// <summary>Tin and gold in scope, a conformant gold refinery and a tin smelter located in Rwanda: a red flag.</summary>
    private static CmrtWorkbookSpec CompanyLevel(string supplier) =>
        ReportWorkbooks.Spec(supplier, "desk@" + supplier.ToLowerInvariant().Replace(" ", "") + ".example").InScope("No", "No", Metal.Tin, Metal.Gold) with
        {
            Smelters = [ReportWorkbooks.Line(ReportWorkbooks.AlphaGold), ReportWorkbooks.Line(ReportWorkbooks.DeltaTin)],
        };

    private static CmrtWorkbookSpec ProductLevel(string supplier, IEnumerable<string> supplierPartNumbers, bool withRwandaSmelter) =>
        CompanyLevel(supplier) with
        {
            Scope = "B. Product (or List of Products)",
            ScopeDescription = "Parts sold to Example Motors",
            Products = supplierPartNumbers.Select(n => new ProductLine(n, $"Part {n}")).ToList(),
            Smelters = withRwandaSmelter
                ? [ReportWorkbooks.Line(ReportWorkbooks.AlphaGold), ReportWorkbooks.Line(ReportWorkbooks.DeltaTin)]
                : [ReportWorkbooks.Line(ReportWorkbooks.AlphaGold)],
            // Without the smelter, tin is no longer in the parts either.
            MetalAnswers = withRwandaSmelter ? CompanyLevel(supplier).MetalAnswers : ReportWorkbooks.Spec(supplier, "x@y.example").InScope("No", "No", Metal.Gold).MetalAnswers,
        };

    /// <summary>A campaign with one supplier (by code) whose parts go into two of our products; returns the case.</summary>
    private async Task<Guid> CaseWithBillOfMaterialsAsync(string prefix, bool withParts = true)
    {
        var campaign = await _owner.CreateCampaignAsync(prefix);
        await _owner.ImportCsvAsync(campaign, $"code,name,email,country\n{prefix}-S1,{prefix} Solder,{prefix.ToLowerInvariant()}@solder.example,DE\n");
        if (withParts)
            await ImportProductsAsync(
                new { productNumber = $"{prefix}-M1", productName = "Motor controller", family = "Drives", partNumber = $"{prefix}-P-100", supplierCode = $"{prefix}-S1", supplierPartNumber = $"{prefix}-SP-1" },
                new { productNumber = $"{prefix}-M1", productName = "Motor controller", family = "Drives", partNumber = $"{prefix}-P-200", supplierCode = $"{prefix}-S1", supplierPartNumber = $"{prefix}-SP-2" },
                new { productNumber = $"{prefix}-G7", productName = "Grid inverter", family = "Grid", partNumber = $"{prefix}-P-100", supplierCode = $"{prefix}-S1", supplierPartNumber = $"{prefix}-SP-1" });
        return (await _owner.LaunchAndListAsync(campaign)).Single().GetProperty("id").GetGuid();
    }

    private async Task ImportProductsAsync(params object[] rows)
    {
        var response = await _owner.PostAsJsonAsync("/api/products", rows);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> ProductAsync(Guid campaign, string productNumber) =>
        (await _owner.GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{campaign}/products"))!
            .Single(p => p.GetProperty("productNumber").GetString() == productNumber);

    private async Task<JsonElement> SubmitAsync(Guid caseId, CmrtWorkbookSpec spec, string file)
    {
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(CmrtWorkbookWriter.Write(spec)), "file", file } };
        var response = await _owner.PostAsync($"/api/cases/{caseId}/submissions", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<JsonElement> CaseJsonAsync(Guid caseId) => await _owner.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");

    [Fact]
    public async Task CompanyLevelCmrtNamingARwandaSmelter_AsksForAProductLevelCmrt_ListingOurParts_AndACleanOneResolvesIt()
    {
        var caseId = await CaseWithBillOfMaterialsAsync("PLA");

        var first = await SubmitAsync(caseId, CompanyLevel("PLA Solder"), "company-level.xlsx");
        var campaign = (await CaseJsonAsync(caseId)).GetProperty("campaignId").GetGuid();
        var grid = await ProductAsync(campaign, "PLA-G7");
        Assert.Equal("undetermined", grid.GetProperty("determination").GetString());
        Assert.True(grid.GetProperty("mayContain3tg").GetBoolean());
        Assert.Contains("PLA-P-100", grid.GetProperty("openParts").EnumerateArray().Select(p => p.GetProperty("partNumber").GetString()));

        Assert.Equal("red-flag", first.GetProperty("outcome").GetString());
        var waiting = await CaseJsonAsync(caseId);
        Assert.Equal("Responded", waiting.GetProperty("state").GetString());
        Assert.Equal("AwaitingProductLevelCmrt", waiting.GetProperty("stage").GetString());
        var asked = waiting.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("ProductLevelCmrtRequested", asked.GetProperty("trigger").GetString());
        Assert.Equal("RedFlagSmelterInCompanyLevelDeclarationRequestsProductLevelCmrtRule", asked.GetProperty("rule").GetString());
        Assert.Contains("PLA-P-100", asked.GetProperty("reason").GetString());
        Assert.Contains("product-level-request", await _app.OutboxKindsAsync(caseId));
        Assert.DoesNotContain("escalation", await _app.OutboxKindsAsync(caseId));
        var listed = await _owner.GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{waiting.GetProperty("campaignId").GetGuid()}/cases?state=ProductLevelRequested");
        Assert.Equal(caseId, Assert.Single(listed!).GetProperty("id").GetGuid());

        await DrainAsync();
        var mail = _fixture.Sink.Messages.Single(m => m.Headers["X-Workflow-Kind"] == "product-level-request" && m.To.Mailboxes.Single().Address == "pla@solder.example");
        Assert.Contains("product-level CMRT", mail.Subject);
        Assert.Contains("your part number PLA-SP-1, our part number PLA-P-100", mail.TextBody);
        Assert.Contains("your part number PLA-SP-2, our part number PLA-P-200", mail.TextBody);
        Assert.Contains("  - Tin smelter Delta Tin Rwanda (CID900004) is located in Rwanda, a covered country.", mail.TextBody);
        Assert.Contains("/supplier/", mail.TextBody);

        // The product-level CMRT lists one of the two parts and no longer names the Rwanda smelter.
        var second = await SubmitAsync(caseId, ProductLevel("PLA Solder", ["pla-sp-1 "], withRwandaSmelter: false), "product-level.xlsx");

        Assert.Equal("accepted", second.GetProperty("outcome").GetString());
        var resolved = await CaseJsonAsync(caseId);
        Assert.Equal(("Responded", "Responded"), (resolved.GetProperty("state").GetString(), resolved.GetProperty("stage").GetString()));
        var reason = resolved.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString()!;
        Assert.Contains("accepted for our parts PLA-P-100 (supplier's PLA-SP-1) in products PLA-G7, PLA-M1", reason);
        Assert.Contains("still open: PLA-P-200", reason);

        // The grid inverter's only part is now covered at product level without the smelter: its determination changes.
        // The motor controller also needs PLA-P-200, which the product-level CMRT does not list: it stays open and shown.
        var gridAfter = await ProductAsync(campaign, "PLA-G7");
        Assert.NotEqual("undetermined", gridAfter.GetProperty("determination").GetString());
        Assert.Empty(gridAfter.GetProperty("openParts").EnumerateArray());
        Assert.Contains(gridAfter.GetProperty("suppliers").EnumerateArray(), s => s.GetProperty("scope").GetString() == "product");
        var motor = await ProductAsync(campaign, "PLA-M1");
        Assert.Equal("undetermined", motor.GetProperty("determination").GetString());
        Assert.Equal(["PLA-P-200"], motor.GetProperty("openParts").EnumerateArray().Select(p => p.GetProperty("partNumber").GetString()));

        // The report counts the request the workflow sent, and says so.
        var followUp = (await _owner.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/report")).GetProperty("followUp");
        Assert.Equal(1, followUp.GetProperty("productLevelCmrtsRequested").GetInt32());
        Assert.StartsWith("product-level CMRT requests sent to suppliers", followUp.GetProperty("productLevelBasis").GetString());
    }

    [Fact]
    public async Task ProductLevelCmrtStillNamingTheSmelter_EscalatesWithOurPartsAndProductsNamed()
    {
        var caseId = await CaseWithBillOfMaterialsAsync("PLB");
        await SubmitAsync(caseId, CompanyLevel("PLB Solder"), "company-level.xlsx");

        await SubmitAsync(caseId, ProductLevel("PLB Solder", ["PLB-SP-1", "PLB-SP-2"], withRwandaSmelter: true), "product-level.xlsx");

        var escalated = await CaseJsonAsync(caseId);
        Assert.Equal("Escalated", escalated.GetProperty("state").GetString());
        var reason = escalated.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString()!;
        Assert.Contains("covers our parts PLB-P-100 (supplier's PLB-SP-1), PLB-P-200 (supplier's PLB-SP-2) in products PLB-G7, PLB-M1", reason);
        Assert.Contains("escalation", await _app.OutboxKindsAsync(caseId));
    }

    [Fact]
    public async Task ProductLevelCmrtListingNoneOfOurParts_LeavesTheRequestStanding()
    {
        var caseId = await CaseWithBillOfMaterialsAsync("PLC");
        await SubmitAsync(caseId, CompanyLevel("PLC Solder"), "company-level.xlsx");

        await SubmitAsync(caseId, ProductLevel("PLC Solder", ["SOMETHING-ELSE"], withRwandaSmelter: false), "wrong-parts.xlsx");

        var still = await CaseJsonAsync(caseId);
        Assert.Equal("AwaitingProductLevelCmrt", still.GetProperty("stage").GetString());
        Assert.Contains("lists none of our parts", still.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString());
    }

    [Fact]
    public async Task NoProductLevelCmrt_RemindedThenEscalatedWhenTheWindowCloses()
    {
        var caseId = await CaseWithBillOfMaterialsAsync("PLD");
        await SubmitAsync(caseId, CompanyLevel("PLD Solder"), "company-level.xlsx");
        var asked = await _app.CaseAsync(caseId);
        Assert.Equal(_app.Clock.GetUtcNow() + TimeSpan.FromDays(14), asked.DueAt);

        _app.Clock.Advance(TimeSpan.FromDays(14));
        await _app.Service<FollowUpTimerJob>().RunAsync(caseId, asked.Version, CancellationToken.None);
        var reminded = await _app.CaseAsync(caseId);
        Assert.Equal("ProductLevelReminded", reminded.Stage);

        _app.Clock.Advance(TimeSpan.FromDays(14));
        await _app.Service<FollowUpTimerJob>().RunAsync(caseId, reminded.Version, CancellationToken.None);

        Assert.Equal("EscalationOpen", (await _app.CaseAsync(caseId)).Stage);
        Assert.Equal(["survey", "product-level-request", "product-level-reminder", "escalation"], await _app.OutboxKindsAsync(caseId));
        var last = (await _app.HistoryAsync(caseId))[^1];
        Assert.Equal("product-level CMRT window of 28 days closed without a product-level CMRT", last.GetProperty("reason").GetString());

        // The supplier promises the product-level CMRT: an extension returns the case to that request, not to the survey.
        var extended = await _app.ClientFor(WorkflowApp.ManagerKey).PostAsJsonAsync($"/api/cases/{caseId}/decisions",
            new { decision = "extend", reason = "supplier promised the product-level CMRT", extendTo = "2027-06-30" });
        Assert.True(extended.IsSuccessStatusCode, await extended.Content.ReadAsStringAsync());
        Assert.Equal("AwaitingProductLevelCmrt", (await _app.CaseAsync(caseId)).Stage);
    }

    [Fact]
    public async Task WithoutPartsInTheBillOfMaterials_TheRedFlagEscalatesAndSaysWhyNothingWasAsked()
    {
        var caseId = await CaseWithBillOfMaterialsAsync("PLE", withParts: false);

        await SubmitAsync(caseId, CompanyLevel("PLE Solder"), "company-level.xlsx");

        var escalated = await CaseJsonAsync(caseId);
        Assert.Equal("Escalated", escalated.GetProperty("state").GetString());
        Assert.Contains("no product-level CMRT requested: no part bought from this supplier is in the bill of materials",
            escalated.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString());
    }

    private async Task DrainAsync()
    {
        var dispatcher = _app.Service<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0) { }
    }
}
