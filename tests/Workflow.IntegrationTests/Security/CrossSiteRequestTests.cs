using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Workflow.Domain.Security;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Pages;

namespace Workflow.IntegrationTests.Security;

/// <summary>
/// A page on another site can make a signed-in browser send requests with its cookie. /api has no anti-forgery
/// token, so with the cookie it may only read; API clients write with keys.
/// </summary>
public class CrossSiteRequestTests(SecurityApp fixture) : IClassFixture<SecurityApp>
{
    private readonly WorkflowApp _app = fixture.Workflow;

    private static HttpRequestMessage FromForeignSite(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("Origin", "http://attacker.example");
        return request;
    }

    [Fact]
    public async Task ApiWrites_WithTheSignInCookie_Are403_AndChangeNothing()
    {
        var campaign = await _app.ClientFor(WorkflowApp.OwnerKey).CreateCampaignAsync("cookie-csrf");
        await _app.ClientFor(WorkflowApp.OwnerKey).ImportCsvAsync(campaign, ApiSteps.SupplierCsv(1, "csrf"));
        var browser = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);

        var policy = await browser.Http.SendAsync(FromForeignSite(HttpMethod.Post, "/api/policies",
            new StringContent("version: csrf-plain\nextends: default\n", Encoding.UTF8, "text/plain")));
        var yamlPolicy = await browser.Http.SendAsync(FromForeignSite(HttpMethod.Post, "/api/policies",
            new StringContent("version: csrf-yaml\nextends: default\n", Encoding.UTF8, "application/yaml")));
        var launch = await browser.Http.SendAsync(FromForeignSite(HttpMethod.Post, $"/api/campaigns/{campaign}/launch"));

        Assert.Equal(HttpStatusCode.Forbidden, policy.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, yamlPolicy.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, launch.StatusCode);
        Assert.Contains("API key", await launch.Content.ReadAsStringAsync());
        var owner = _app.ClientFor(WorkflowApp.OwnerKey);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/api/policies/csrf-plain")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/api/policies/csrf-yaml")).StatusCode);
        Assert.Equal(0, await _app.ScalarAsync($"select count(*) from workflow.cases where campaign_id = '{campaign}'"));
    }

    [Fact]
    public async Task SubmissionUpload_WithTheSignInCookie_Is403_AndNothingIsStored()
    {
        var c = (await _app.LaunchAsync(1, "csrf-upload"))[0];
        var browser = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("<script>alert(1)</script>"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/html");

        var response = await browser.Http.SendAsync(FromForeignSite(HttpMethod.Post, $"/api/cases/{c}/submissions",
            new MultipartFormDataContent { { file, "file", "x.xlsx" } }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await _app.ScalarAsync($"select count(*) from workflow.submissions where case_id = '{c}'"));
    }

    [Fact]
    public async Task ApiReads_WithTheSignInCookie_StillWork()
    {
        var browser = await PageClient.SignedInAsync(_app, Roles.Manager);

        var response = await browser.Http.GetAsync("/api/escalations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task PolicyUpload_WithAKey_AcceptsOnlyYamlOrJsonMediaTypes(string contentType)
    {
        var owner = _app.ClientFor(WorkflowApp.OwnerKey);
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes("version: media-type\nextends: default\n"));
        body.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await owner.PostAsync("/api/policies", body);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/yaml", await response.Content.ReadAsStringAsync());
        var campaign = await owner.CreateCampaignAsync("simulate-media-type");
        var body2 = new ByteArrayContent(Encoding.UTF8.GetBytes("version: media-type\nextends: default\n"));
        body2.Headers.TryAddWithoutValidation("Content-Type", contentType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await owner.PostAsync($"/api/campaigns/{campaign}/simulations", body2)).StatusCode);
    }

    [Theory]
    [InlineData("application/yaml", "version: typed-yaml\nextends: default\n", "typed-yaml")]
    [InlineData("text/yaml; charset=utf-8", "version: typed-text-yaml\nextends: default\n", "typed-text-yaml")]
    [InlineData("application/json", "{\"version\":\"typed-json\",\"extends\":\"default\"}", "typed-json")]
    public async Task PolicyUpload_WithAKey_AndYamlOrJson_IsActivated(string contentType, string text, string version)
    {
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        body.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await _app.ClientFor(WorkflowApp.OwnerKey).PostAsync("/api/policies", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.ClientFor(WorkflowApp.AuditorKey).GetAsync($"/api/policies/{version}")).StatusCode);
    }
}
