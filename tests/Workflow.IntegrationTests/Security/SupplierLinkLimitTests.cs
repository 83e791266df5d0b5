using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Text.Json;
using Workflow.Application.SupplierLinks;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Security;

/// <summary>
/// A supplier link needs no login, so what it lets through is limited: uploads per link and per client address per
/// hour (counted in PostgreSQL, so several instances enforce one limit) and files stored per case.
/// </summary>
public class SupplierLinkLimitTests
{
    private static Dictionary<string, string?> Limits(int perLink = 3, int perAddress = 1000, int perCase = 50) => FollowUpSteps.Manual(new()
    {
        ["Uploads:PerLinkPerHour"] = perLink.ToString(),
        ["Uploads:PerAddressPerHour"] = perAddress.ToString(),
        ["Uploads:MaxStoredPerCase"] = perCase.ToString(),
    });

    private static Task<HttpResponseMessage> UploadAsync(WorkflowApp app, string token)
    {
        var file = new ByteArrayContent(TestWorkbooks.NotACmrt());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return app.CreateClient().PostAsync($"/supplier/{token}", new MultipartFormDataContent { { file, "file", "cmrt.xlsx" } });
    }

    [Fact]
    public async Task OneLink_PastItsHourlyLimit_Is429WithRetryAfter_AndWorksAgainAfterTheHour()
    {
        using var app = new WorkflowApp(settings: Limits(perLink: 3));
        var c = (await app.LaunchAsync(1, "per-link"))[0];
        var token = app.Service<SupplierLinkSigner>().Create(c);

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await UploadAsync(app, token)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var refused = await UploadAsync(app, token);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromMinutes(49), TimeSpan.FromMinutes(50));
        Assert.Contains("try again in 50 minute", await refused.Content.ReadAsStringAsync());
        Assert.Equal(3, await app.ScalarAsync($"select count(*) from workflow.submissions where case_id = '{c}'"));
        var otherLinkSameCase = app.Service<SupplierLinkSigner>().Create(c, app.Clock.GetUtcNow().AddDays(30));
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(app, otherLinkSameCase)).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(51));
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(app, token)).StatusCode);
    }

    [Fact]
    public async Task OneAddress_PastItsHourlyLimit_Is429AcrossLinks()
    {
        using var app = new WorkflowApp(settings: Limits(perLink: 10, perAddress: 4));
        var cases = await app.LaunchAsync(5, "per-address");
        var signer = app.Service<SupplierLinkSigner>();

        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.OK, (await UploadAsync(app, signer.Create(cases[i]))).StatusCode);
        var refused = await UploadAsync(app, signer.Create(cases[4]));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal(0, await app.ScalarAsync($"select count(*) from workflow.submissions where case_id = '{cases[4]}'"));
    }

    [Fact]
    public async Task TwoInstances_OnOneDatabase_EnforceOneLimit()
    {
        using var first = new WorkflowApp(settings: Limits(perLink: 3));
        using var second = new WorkflowApp(first.ConnectionString, Limits(perLink: 3));
        var c = (await first.LaunchAsync(1, "two-instances"))[0];
        var token = first.Service<SupplierLinkSigner>().Create(c);

        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(first, token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(second, token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(first, token)).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await UploadAsync(second, token)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await UploadAsync(first, token)).StatusCode);
    }

    [Fact]
    public async Task Case_PastItsStoredFileLimit_RefusesSupplierFiles_LeavesANote_StaffCanStillUpload()
    {
        using var app = new WorkflowApp(settings: Limits(perLink: 100, perCase: 2));
        var c = (await app.LaunchAsync(1, "per-case"))[0];
        var token = app.Service<SupplierLinkSigner>().Create(c);

        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(app, token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(app, token)).StatusCode);
        var refused = await UploadAsync(app, token);
        var again = await UploadAsync(app, token);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("already received 2 files", await refused.Content.ReadAsStringAsync());
        Assert.Equal(2, await app.ScalarAsync($"select count(*) from workflow.submissions where case_id = '{c}'"));
        var detail = JsonDocument.Parse(await app.ClientFor(WorkflowApp.AuditorKey).GetStringAsync($"/api/cases/{c}")).RootElement;
        var note = Assert.Single(detail.GetProperty("notes").EnumerateArray());
        Assert.Contains("limit of 2 stored files", note.GetProperty("text").GetString());
        Assert.Equal(2, note.GetProperty("occurrences").GetInt32());

        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestWorkbooks.NotACmrt()), "file", "from-the-buyer.xlsx" } };
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(WorkflowApp.OwnerKey).PostAsync($"/api/cases/{c}/submissions", form)).StatusCode);
    }

    [Fact]
    public async Task BehindATrustedProxy_TheForwardedAddressIsCounted_AndOthersCannotChooseTheirs()
    {
        var settings = Limits(perLink: 100, perAddress: 2);
        settings["Network:TrustedProxies:0"] = "10.0.0.5";
        using var app = new WorkflowApp(settings: settings);
        var cases = await app.LaunchAsync(6, "proxy");
        var signer = app.Service<SupplierLinkSigner>();
        var remote = IPAddress.Parse("10.0.0.5");
        using var factory = app.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.AddSingleton<IStartupFilter>(new RemoteAddress(() => remote))));

        async Task<HttpStatusCode> From(string forwardedFor, Guid c)
        {
            var file = new ByteArrayContent(TestWorkbooks.NotACmrt());
            var request = new HttpRequestMessage(HttpMethod.Post, $"/supplier/{signer.Create(c)}")
            {
                Content = new MultipartFormDataContent { { file, "file", "cmrt.xlsx" } },
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            return (await factory.CreateClient().SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await From("203.0.113.1", cases[0]));
        Assert.Equal(HttpStatusCode.OK, await From("203.0.113.1", cases[1]));
        Assert.Equal(HttpStatusCode.TooManyRequests, await From("203.0.113.1", cases[2]));
        Assert.Equal(HttpStatusCode.OK, await From("203.0.113.2", cases[2]));

        // Not through the proxy: a made-up X-Forwarded-For is ignored and the real address is counted.
        remote = IPAddress.Parse("198.51.100.7");
        Assert.Equal(HttpStatusCode.OK, await From("192.0.2.1", cases[3]));
        Assert.Equal(HttpStatusCode.OK, await From("192.0.2.2", cases[4]));
        Assert.Equal(HttpStatusCode.TooManyRequests, await From("192.0.2.3", cases[5]));
    }

    /// <summary>Sets the connection's remote address, as Kestrel would for a real client.</summary>
    private sealed class RemoteAddress(Func<IPAddress> address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address();
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
