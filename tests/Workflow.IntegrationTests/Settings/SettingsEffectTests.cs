using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workflow.Application.Cases;
using Workflow.Application.FollowUp;
using Workflow.Application.SupplierLinks;
using Workflow.Domain.Cases;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Records;
using Workflow.StateMachines;

namespace Workflow.IntegrationTests.Settings;

/// <summary>What a saved setting changes, with no restart: the roll-up, the links in e-mails, the logo everyone sees.</summary>
public partial class SettingsEffectTests
{
    private static readonly object Company = new
    {
        name = "Example Motors, Inc.", address = "1 Test Road, Springfield, USA", contactName = "Casey Compliance",
        contactEmail = "compliance@example-motors.example", contactPhone = "+1 555 0199", authorizerName = "Alex Authorizer",
        authorizerTitle = "VP Supply Chain", authorizerEmail = "vp@example-motors.example", authorizerPhone = "+1 555 0100",
    };

    [Fact]
    public async Task Rollup_Is409NamingTheSettingsFields_UntilTheCompanyIsSaved_Then200InTheSameRunningApp()
    {
        using var app = new WorkflowApp();
        var owner = app.ClientFor(WorkflowApp.OwnerKey);
        var campaign = await owner.CreateCampaignAsync("Roll-up after settings");

        var refused = await owner.GetAsync($"/api/campaigns/{campaign}/rollup-cmrt.xlsx");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("/settings", problem.GetProperty("detail").GetString());
        Assert.Equal(9, problem.GetProperty("missing").GetArrayLength());
        Assert.Equal("company.name", problem.GetProperty("missing")[0].GetString());

        await SettingsApiTests.Put(owner, new { company = Company }, HttpStatusCode.OK);

        var rollup = await owner.GetAsync($"/api/campaigns/{campaign}/rollup-cmrt.xlsx");
        Assert.Equal(HttpStatusCode.OK, rollup.StatusCode);
        Assert.StartsWith("ExampleMotorsInc_CMRT_", rollup.Content.Headers.ContentDisposition?.FileNameStar ?? rollup.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task SupplierLink_WorksUntilTheDueDatePlusGrace_AndAfterAnExtensionUntilTheExtendedDatePlusGrace()
    {
        await using var sink = new SmtpSink().Start();
        using var app = new WorkflowApp(settings: FollowUpSteps.Manual(sink.Settings()));
        var signer = app.Service<SupplierLinkSigner>();
        // The campaign's responses are due 2027-03-31; the clock stands at 2027-01-15.
        var c = (await app.LaunchAsync(1, "grace"))[0];
        await app.DrainOutboxAsync();

        var survey = Assert.Single(sink.Messages, m => m.Headers["X-Workflow-Kind"] == "survey");
        Assert.Equal(new DateTimeOffset(2027, 4, 15, 0, 0, 0, TimeSpan.Zero), signer.Verify(TokenIn(survey.TextBody)).ExpiresAt);
        Assert.Contains("14 April 2027", survey.TextBody);

        // Management extends the escalated case beyond the due date; the grace is now 3 days.
        await SettingsApiTests.Put(app.ClientFor(WorkflowApp.OwnerKey), new { supplierLinkGraceDays = 3 }, HttpStatusCode.OK);
        await app.Service<CaseTransitions>().FireAsync(c, CaseIntention.Submit(SubmissionOutcome.RedFlag), new TransitionCause("system", "red flag"));
        var extend = await app.ClientFor(WorkflowApp.ManagerKey).PostAsJsonAsync($"/api/cases/{c}/decisions",
            new { decision = "extend", reason = "supplier asked for time", extendTo = "2027-04-20" });
        Assert.Equal(HttpStatusCode.OK, extend.StatusCode);
        // The reminder goes out when the extended date has passed, and its link still works three days after it.
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 21, 9, 0, 0, TimeSpan.Zero));
        await app.Service<FollowUpSweep>().RunAsync(CancellationToken.None);
        await app.DrainOutboxAsync();

        var reminder = Assert.Single(sink.Messages, m => m.Headers["X-Workflow-Kind"] == "reminder");
        Assert.Equal(new DateTimeOffset(2027, 4, 24, 0, 0, 0, TimeSpan.Zero), signer.Verify(TokenIn(reminder.TextBody)).ExpiresAt);
        Assert.Equal(LinkStatus.Valid, signer.Verify(TokenIn(reminder.TextBody)).Status);
    }

    [Fact]
    public async Task PublicBaseUrl_WhenNothingIsSet_IsTheAddressTheServiceListensOn()
    {
        var log = Path.Combine(Path.GetTempPath(), $"settings-listening-{Guid.NewGuid():N}.log");
        using var service = new ServiceProcess(TestCluster.NewDatabase(), new Dictionary<string, string?>(), log);
        await service.StartAsync();

        var s = await service.Client().GetFromJsonAsync<JsonElement>("/api/settings");

        Assert.Equal(JsonValueKind.Null, s.GetProperty("publicBaseUrl").GetProperty("value").ValueKind);
        Assert.Equal($"http://127.0.0.1:{service.Port}", s.GetProperty("publicBaseUrl").GetProperty("effective").GetString());
    }

    [Fact]
    public async Task Logo_PngIsStoredAndServedToAnyone_TooLargeOrScriptedSvgIsRefused()
    {
        using var app = new WorkflowApp();
        var owner = app.ClientFor(WorkflowApp.OwnerKey);
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/brand/logo")).StatusCode);

        var saved = await SettingsApiTests.Put(owner, new { company = new { logo = new { contentType = "image/png", data = Convert.ToBase64String(png) } } }, HttpStatusCode.OK);
        var logo = saved.GetProperty("company").GetProperty("logo");
        Assert.True(logo.GetProperty("present").GetBoolean());
        Assert.Equal(png.Length, logo.GetProperty("sizeBytes").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)), logo.GetProperty("sha256").GetString());

        var served = await anonymous.GetAsync("/brand/logo");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(png, await served.Content.ReadAsByteArrayAsync());
        Assert.Contains("src=\"/brand/logo\"", await anonymous.GetStringAsync("/login"));

        var tooLarge = new byte[201 * 1024];
        png.AsSpan(0, 8).CopyTo(tooLarge);
        var big = await SettingsApiTests.Put(owner, new { company = new { logo = new { contentType = "image/png", data = Convert.ToBase64String(tooLarge) } } }, HttpStatusCode.BadRequest);
        Assert.Contains("200 KB", big.GetProperty("errors").GetProperty("company.logo")[0].GetString());

        var scripted = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>";
        var svg = await SettingsApiTests.Put(owner, new { company = new { logo = new { contentType = "image/svg+xml", data = Convert.ToBase64String(Encoding.UTF8.GetBytes(scripted)) } } }, HttpStatusCode.BadRequest);
        Assert.Contains("script", svg.GetProperty("errors").GetProperty("company.logo")[0].GetString());
        foreach (var hostile in new[]
        {
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><image xlink:href=\"https://evil.example/x.png\"/></svg>",
            "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>",
        })
            await SettingsApiTests.Put(owner, new { company = new { logo = new { contentType = "image/svg+xml", data = Convert.ToBase64String(Encoding.UTF8.GetBytes(hostile)) } } }, HttpStatusCode.BadRequest);
        Assert.Equal(png, await anonymous.GetByteArrayAsync("/brand/logo"));

        // A clean SVG replaces the PNG and is served under a policy that lets nothing run or load in it.
        var clean = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" style=\"fill:#0b5cad\"/></svg>";
        await SettingsApiTests.Put(owner, new { company = new { logo = new { contentType = "image/svg+xml", data = Convert.ToBase64String(Encoding.UTF8.GetBytes(clean)) } } }, HttpStatusCode.OK);
        var svgServed = await anonymous.GetAsync("/brand/logo");
        Assert.Equal("image/svg+xml", svgServed.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'", svgServed.Headers.GetValues("Content-Security-Policy").Single());

        var history = await owner.GetFromJsonAsync<JsonElement[]>("/api/settings/history");
        var change = Assert.Single(history!, h => h.GetProperty("field").GetString() == "company.logo" && h.GetProperty("newValue").GetString()!.StartsWith("image/svg+xml"));
        Assert.StartsWith("image/png sha256:", change.GetProperty("oldValue").GetString());
    }

    private static string TokenIn(string? body) => Link().Match(body ?? "").Groups[1].Value;

    [GeneratedRegex(@"/supplier/([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")]
    private static partial Regex Link();
}
