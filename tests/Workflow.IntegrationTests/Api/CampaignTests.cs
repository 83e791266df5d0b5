using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Api;

public class CampaignTests : IClassFixture<CampaignTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new();
        public void Dispose() => Workflow.Dispose();
    }

    private readonly WorkflowApp _app;
    private readonly HttpClient _owner;

    public CampaignTests(App app)
    {
        _app = app.Workflow;
        _owner = _app.ClientFor(WorkflowApp.OwnerKey);
    }

    [Fact]
    public async Task Launch_ImportedSuppliers_EachGetsACaseInSurveyedWithAudit()
    {
        var campaign = await _owner.CreateCampaignAsync();
        var imported = await _owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(5));
        Assert.Equal(5, imported.GetProperty("imported").GetInt32());

        var cases = await _owner.LaunchAndListAsync(campaign);

        Assert.Equal(5, cases.Length);
        Assert.All(cases, c => Assert.Equal("Surveyed", c.GetProperty("state").GetString()));
        Assert.Contains(cases, c => c.GetProperty("supplierName").GetString() == "supplier 3, Ltd" && c.GetProperty("supplierEmail").GetString() == "supplier3@example.com");
        var detail = await _owner.GetFromJsonAsync<JsonElement>($"/api/cases/{cases[0].GetProperty("id").GetGuid()}");
        var history = detail.GetProperty("history").EnumerateArray().ToList();
        Assert.Single(history);
        Assert.Equal("Launched", history[0].GetProperty("trigger").GetString());
        Assert.Equal("apikey:owner", history[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Import_SameSuppliersTwice_AddsNothingTwice_AndAppliesWhatChanged()
    {
        var campaign = await _owner.CreateCampaignAsync();
        await _owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(3));

        var again = await _owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(3).Replace("Germany", "France"));

        // Nothing is added twice; what changed in the file (the country) is applied and audited.
        Assert.Equal(0, again.GetProperty("imported").GetInt32());
        Assert.Equal(3, again.GetProperty("skipped").GetInt32());
        Assert.Equal(3, again.GetProperty("updated").GetInt32());
        var suppliers = await _owner.GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{campaign}/suppliers");
        Assert.Equal(3, suppliers!.Length);
        Assert.All(suppliers, s => Assert.Equal("France", s.GetProperty("country").GetString()));
    }

    [Fact]
    public async Task Import_JsonArray_WithOptionalFields()
    {
        var campaign = await _owner.CreateCampaignAsync();
        var response = await _owner.PostAsJsonAsync($"/api/campaigns/{campaign}/suppliers", new object[]
        {
            new { name = "Acme Metals", email = "cmrt@acme.example", country = "Japan", spend = 1200.5m, inScope = true, parts = new[] { "P-1", "P-2" } },
            new { name = "Out of scope Co", email = "x@oos.example", country = "Chile", inScope = false },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cases = await _owner.LaunchAndListAsync(campaign);
        Assert.Single(cases);
        Assert.Equal("Acme Metals", cases[0].GetProperty("supplierName").GetString());
    }

    [Fact]
    public async Task Import_CsvWithBadRows_Is400NamingRowAndField_AndImportsNothing()
    {
        var campaign = await _owner.CreateCampaignAsync();
        var csv = "name,email,country,spend\nGood Co,good@example.com,Germany,10\nBad Co,not-an-email,Germany,ten\n";

        var problem = await _owner.ImportCsvAsync(campaign, csv, HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 3 && e.GetProperty("field").GetString() == "email");
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 3 && e.GetProperty("field").GetString() == "spend");
        var suppliers = await _owner.GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{campaign}/suppliers");
        Assert.Empty(suppliers!);
    }

    [Fact]
    public async Task Import_CsvWithUnknownColumn_Is400()
    {
        var campaign = await _owner.CreateCampaignAsync();

        var problem = await _owner.ImportCsvAsync(campaign, "name,email,country,shoe size\nA,a@example.com,DE,42\n", HttpStatusCode.BadRequest);

        Assert.Contains("shoesize", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Import_TenThousandRows_InOneTransaction()
    {
        var campaign = await _owner.CreateCampaignAsync();

        var result = await _owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(10_000, "bulk"));

        Assert.Equal(10_000, result.GetProperty("imported").GetInt32());
        var cases = await _owner.LaunchAndListAsync(campaign);
        Assert.Equal(10_000, cases.Length);
    }

    [Fact]
    public async Task Import_TenThousandRowsWithOneBadRow_ImportsNothing()
    {
        var campaign = await _owner.CreateCampaignAsync();
        var csv = ApiSteps.SupplierCsv(10_000, "bulkbad").Replace("bulkbad9999@example.com", "broken@");

        var problem = await _owner.ImportCsvAsync(campaign, csv, HttpStatusCode.BadRequest);

        Assert.Equal(10_000, problem.GetProperty("errors")[0].GetProperty("row").GetInt32());
        Assert.Empty((await _owner.GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{campaign}/suppliers"))!);
    }

    [Fact]
    public async Task CreateCampaign_MalformedJson_Is400ProblemNamingTheField()
    {
        var response = await _owner.PostAsync("/api/campaigns",
            new StringContent("{\"name\": \"x\", \"periodStart\": \"not a date\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("periodStart", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CreateCampaign_MissingFields_Is400WithEachField()
    {
        var response = await _owner.PostAsJsonAsync("/api/campaigns", new { name = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("responseDueDate", out _));
    }

    [Fact]
    public async Task UnknownIds_Are404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _owner.GetAsync($"/api/campaigns/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _owner.GetAsync($"/api/campaigns/{Guid.NewGuid()}/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _owner.PostAsync($"/api/campaigns/{Guid.NewGuid()}/launch", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _owner.GetAsync($"/api/cases/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task ListCases_FilteredByUnknownState_Is400()
    {
        var campaign = await _owner.CreateCampaignAsync();

        var response = await _owner.GetAsync($"/api/campaigns/{campaign}/cases?state=Sleeping");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
