using System.Net;
using System.Net.Http.Json;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Api;

public class AuthenticationTests : IClassFixture<AuthenticationTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new();
        public void Dispose() => Workflow.Dispose();
    }

    private readonly WorkflowApp _app;
    public AuthenticationTests(App app) => _app = app.Workflow;

    [Theory]
    [InlineData("GET", "/api/campaigns")]
    [InlineData("POST", "/api/campaigns")]
    [InlineData("GET", "/api/escalations")]
    [InlineData("GET", "/api/cases/0195f0a0-0000-7000-8000-000000000000")]
    [InlineData("GET", "/hangfire")]
    public async Task Request_WithoutKey_Is401(string method, string path)
    {
        var response = await _app.ClientFor(null).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithUnknownKey_Is401()
    {
        var response = await _app.ClientFor("not-a-key").GetAsync("/api/campaigns");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(WorkflowApp.AuditorKey)]
    [InlineData(WorkflowApp.ManagerKey)]
    public async Task CreateCampaign_AsNonOwner_Is403(string key)
    {
        var response = await _app.ClientFor(key).PostAsJsonAsync("/api/campaigns",
            new { name = "x", periodStart = "2026-01-01", periodEnd = "2026-12-31", responseDueDate = "2027-03-31" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(WorkflowApp.OwnerKey)]
    [InlineData(WorkflowApp.AuditorKey)]
    public async Task Decision_AsNonManager_Is403(string key)
    {
        var response = await _app.ClientFor(key).PostAsJsonAsync($"/api/cases/{Guid.NewGuid()}/decisions",
            new { decision = "terminate", reason = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Auditor_CanReadCampaignsAndDashboard()
    {
        var auditor = _app.ClientFor(WorkflowApp.AuditorKey);

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task Health_AndOpenApi_AreServed()
    {
        var anonymous = _app.ClientFor(null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        var openapi = await anonymous.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/campaigns/{id}/launch", openapi);
        Assert.Contains("/api/cases/{id}/decisions", openapi);
    }
}
