using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Application.Cases;
using Workflow.Domain.Cases;
using Workflow.Domain.Security;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.StateMachines;

namespace Workflow.IntegrationTests.Pages;

/// <summary>
/// What a new user walking the pages noticed: problems as pages, no re-posting on reload, the campaign's steps and
/// launch question, suppliers added after launch, countries checked and spelled one way, decisions on the badge.
/// </summary>
public class PlainPagesTests : IClassFixture<PlainPagesTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new(settings: new Dictionary<string, string?> { ["Pages:LoginAttemptsPerMinute"] = "10000" });
        public void Dispose() => Workflow.Dispose();
    }

    private readonly WorkflowApp _app;
    private readonly HttpClient _owner;

    public PlainPagesTests(App app)
    {
        _app = app.Workflow;
        _owner = _app.ClientFor(WorkflowApp.OwnerKey);
    }

    [Fact]
    public async Task UnknownUrl_BrowserSeesAPage_ApiClientKeepsProblemJson()
    {
        var browser = await PageClient.SignedInAsync(_app, Roles.Auditor);

        var page = await browser.Http.GetAsync("/no-such-page");
        var missingCampaign = await browser.Http.GetAsync($"/campaigns/{Guid.NewGuid()}");
        var api = await _owner.GetAsync($"/api/campaigns/{Guid.NewGuid()}");
        var apiAsBrowser = await browser.Http.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>This page does not exist</h1>", html);
        Assert.Contains("href=\"/\"", html);
        Assert.Equal(HttpStatusCode.NotFound, missingCampaign.StatusCode);
        Assert.Contains("This page does not exist", await missingCampaign.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual("text/html", apiAsBrowser.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Launch_WithNoInScopeSupplier_IsRefused_ByApiAndPage_AndTheCampaignStaysUnlaunched()
    {
        var campaign = await _owner.CreateCampaignAsync("Empty campaign");
        var browser = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);

        var api = await _owner.PostAsync($"/api/campaigns/{campaign}/launch", null);
        var page = await browser.PostFormAsync("/campaigns", $"/campaigns/{campaign}/launch", []);
        var confirm = await browser.GetHtmlAsync($"/campaigns/{campaign}/launch");
        var dashboard = await browser.GetHtmlAsync($"/campaigns/{campaign}");

        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("no in-scope supplier", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("no in-scope supplier", await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Send the CMRT request</button>", confirm);
        Assert.Contains("needs at least one in-scope supplier", dashboard);
        Assert.DoesNotContain("id=\"launch-step\"", dashboard);
        var stored = await _owner.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}");
        Assert.True(!stored.TryGetProperty("launchedAt", out var launchedAt) || launchedAt.ValueKind == JsonValueKind.Null, $"not launched: {stored}");
    }

    [Fact]
    public async Task Launch_AsksWithTheCount_Redirects303_AndLaterSuppliersAreSurveyedByTheButtonAndTheApi()
    {
        var campaign = await _owner.CreateCampaignAsync("Steps campaign");
        await _owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(2, "steps"));
        var browser = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);

        var before = await browser.GetHtmlAsync($"/campaigns/{campaign}");
        Assert.Contains($"href=\"/campaigns/{campaign}/launch\"", before);
        var confirm = await browser.GetHtmlAsync($"/campaigns/{campaign}/launch");
        Assert.Contains("Send the CMRT request to 2 in-scope suppliers?", confirm);

        var launch = await browser.PostFormAsync($"/campaigns/{campaign}/launch", $"/campaigns/{campaign}/launch", []);
        Assert.Equal(HttpStatusCode.SeeOther, launch.StatusCode);
        var after = await browser.GetHtmlAsync(launch.Headers.Location!.OriginalString);
        Assert.Contains("Launched: 2 cases opened; 0 in-scope suppliers not yet surveyed.", after);

        await _owner.ImportCsvAsync(campaign, "name,email,country\nLate One,late1@example.com,DE\n");
        var dashboard = await browser.GetHtmlAsync($"/campaigns/{campaign}");
        Assert.Contains("1 supplier added since launch has not been surveyed.", dashboard);
        var survey = await browser.PostFormAsync($"/campaigns/{campaign}", $"/campaigns/{campaign}/survey-new", []);
        Assert.Equal(HttpStatusCode.SeeOther, survey.StatusCode);
        Assert.Contains("CMRT request sent to 1 supplier added since launch", await browser.GetHtmlAsync(survey.Headers.Location!.OriginalString));
        Assert.DoesNotContain("added since launch has not been surveyed", await browser.GetHtmlAsync($"/campaigns/{campaign}"));

        await _owner.ImportCsvAsync(campaign, "name,email,country\nLate Two,late2@example.com,FR\n");
        var api = await _owner.PostAsync($"/api/campaigns/{campaign}/survey-new", null);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(1, (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("casesOpened").GetInt32());
        var cases = await _owner.GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{campaign}/cases");
        Assert.Equal(4, cases!.Length);
        Assert.All(cases, c => Assert.Equal("Surveyed", c.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task SurveyNew_BeforeLaunch_IsRefused()
    {
        var campaign = await _owner.CreateCampaignAsync("Not launched yet");

        var api = await _owner.PostAsync($"/api/campaigns/{campaign}/survey-new", null);

        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
    }

    [Fact]
    public async Task Import_UnknownCountry_IsAnErrorForThatRowAndColumn_AndNothingIsStored()
    {
        var campaign = await _owner.CreateCampaignAsync("Narnia campaign");
        var browser = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);

        var page = await ImportPastedAsync(browser, campaign, "name,email,country\nGood Ltd,good@example.com,DE\nLion Ltd,lion@example.com,Narnia\n");
        var api = await _owner.ImportCsvAsync(campaign, "name,email,country\nLion Ltd,lion@example.com,Narnia\n", HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("row 3, column country: 'Narnia' is not a country; use an ISO 3166 code such as DE or a name such as Germany.", html);
        Assert.Contains("Narnia", api.ToString());
        Assert.Empty((await _owner.GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{campaign}/suppliers"))!);
    }

    [Fact]
    public async Task Import_Redirects303_AndTheListSpellsEachCountryOneWay()
    {
        var campaign = await _owner.CreateCampaignAsync("Countries campaign");
        var browser = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);

        var import = await ImportPastedAsync(browser, campaign, "name,email,country\nA Ltd,a@example.com,DRC\nB Ltd,b@example.com,Democratic Republic of Congo\nC Ltd,c@example.com,CD\n");

        Assert.Equal(HttpStatusCode.SeeOther, import.StatusCode);
        var html = await browser.GetHtmlAsync(import.Headers.Location!.OriginalString);
        Assert.Contains("Imported 3 suppliers into the campaign", html);
        Assert.Contains("3 suppliers match", html);
        Assert.Equal(3 + 1, html.Split("Congo, The Democratic Republic of the").Length - 1); // three rows and one filter option
        Assert.DoesNotContain(">DRC<", html);
        var filtered = await browser.GetHtmlAsync($"/campaigns/{campaign}/suppliers?country=CD");
        Assert.Contains("3 suppliers match", filtered);
    }

    [Fact]
    public async Task Decisions_ShowOnTheBadge_InsteadOfTheBareState()
    {
        var campaign = await _owner.CreateCampaignAsync("Decisions campaign");
        await _owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(2, "decided"));
        var cases = (await _owner.LaunchAndListAsync(campaign)).Select(c => c.GetProperty("id").GetGuid()).ToArray();
        var manager = _app.ClientFor(WorkflowApp.ManagerKey);
        foreach (var id in cases)
            await _app.Service<CaseTransitions>().FireAsync(id, CaseIntention.Submit(SubmissionOutcome.RedFlag), new TransitionCause("system", "smelter in a covered country"));
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/cases/{cases[0]}/decisions", new { decision = "accept-risk", reason = "sole source, audit planned" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/cases/{cases[1]}/decisions", new { decision = "extend", extendTo = "2027-01-31", reason = "asked for time" })).StatusCode);
        var browser = await PageClient.SignedInAsync(_app, Roles.Auditor);

        var list = await browser.GetHtmlAsync($"/campaigns/{campaign}/suppliers");
        var accepted = await browser.GetHtmlAsync($"/cases/{cases[0]}");

        Assert.Contains("Risk accepted (sole source, audit planned)", list);
        Assert.Contains("Extended to 2027-01-31", list);
        Assert.DoesNotContain("badge state-responded", list);
        Assert.Contains("Risk accepted (sole source, audit planned)", accepted);
        // The timeline speaks in words; the codes stay beside them.
        Assert.Contains("Management accepted the risk", accepted);
        Assert.Contains("<code>RiskAccepted</code>", accepted);
    }

    [Fact]
    public async Task CaseUpload_Redirects303_AndTheFindingsShowAfterTheRedirect()
    {
        var campaign = await _owner.CreateCampaignAsync("Upload campaign");
        await _owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(1, "upload"));
        var caseId = (await _owner.LaunchAndListAsync(campaign))[0].GetProperty("id").GetGuid();
        var browser = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);
        var html = await browser.GetHtmlAsync($"/cases/{caseId}");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new ByteArrayContent(Workflow.Cmrt.Writing.CmrtWorkbookWriter.Write(Workflow.Tests.Shared.GeneratedDeclarations.Invalid("3.01"))), "file", "invalid.xlsx" },
        };

        var upload = await browser.Http.PostAsync($"/cases/{caseId}/submissions", form);

        Assert.Equal(HttpStatusCode.SeeOther, upload.StatusCode);
        var after = await browser.GetHtmlAsync(upload.Headers.Location!.OriginalString);
        Assert.Contains("Uploaded invalid.xlsx", after);
        Assert.Contains("id=\"declared-content\"", after);
        Assert.Contains("beside what the supplier declared", after);
    }

    [Fact]
    public async Task ImportForm_ListsEveryAcceptedColumn_WithRequiredAndAnExample()
    {
        var campaign = await _owner.CreateCampaignAsync("Columns campaign");
        var browser = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);

        var html = await browser.GetHtmlAsync($"/campaigns/{campaign}/suppliers");

        foreach (var column in Workflow.Application.Suppliers.SupplierColumns.All)
        {
            Assert.Contains($"<td><code>{column.Name}</code></td><td>{(column.Required ? "required" : "optional")}</td>", html);
            Assert.True(Workflow.Application.Suppliers.SupplierColumns.Example.ContainsKey(column.Name), $"{column.Name} has an example");
        }
        Assert.Contains("13 columns are accepted, 3 of them required (name, email, country)", html);
    }

    // The import form is multipart (it also takes a file); the CSV goes in the paste field.
    private static async Task<HttpResponseMessage> ImportPastedAsync(PageClient browser, Guid campaign, string csv)
    {
        var html = await browser.GetHtmlAsync($"/campaigns/{campaign}/suppliers");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent(csv), "csvText" },
        };
        return await browser.Http.PostAsync($"/campaigns/{campaign}/suppliers/import", form);
    }
}
