using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Net.Http.Headers;
using Workflow.Application.SupplierLinks;
using Workflow.Domain.Security;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Pages;

namespace Workflow.IntegrationTests.Records;

/// <summary>Who can read the stored messages, and the case page's list of them.</summary>
public class MessagePageAndAccessTests : IClassFixture<MessagePageAndAccessTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public WorkflowApp Workflow { get; } = new(settings: FollowUpSteps.Manual(new() { ["Pages:LoginAttemptsPerMinute"] = "10000" }));
        public Guid Case { get; private set; }
        public long MessageId { get; private set; }
        public string Subject { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Case = (await Workflow.LaunchAsync(1, "access"))[0];
            await Workflow.DrainOutboxAsync();
            var survey = Assert.Single(await Workflow.MessagesAsync(Case));
            MessageId = survey.GetProperty("id").GetInt64();
            Subject = survey.GetProperty("subject").GetString()!;
        }

        public Task DisposeAsync() { Workflow.Dispose(); return Task.CompletedTask; }
    }

    private readonly App _fixture;
    private WorkflowApp Workflow => _fixture.Workflow;
    public MessagePageAndAccessTests(App app) => _fixture = app;

    private string ListPath => $"/api/cases/{_fixture.Case}/messages";
    private string RawPath => $"/api/messages/{_fixture.MessageId}/raw";

    [Fact]
    public async Task CasePage_ListsTheMessages_AndItsLinkDownloadsTheMessageAsSent()
    {
        var auditor = await PageClient.SignedInAsync(Workflow, Roles.Auditor);

        var html = WebUtility.HtmlDecode(await auditor.GetHtmlAsync($"/cases/{_fixture.Case}"));

        var section = html[html.IndexOf("Messages as sent and received", StringComparison.Ordinal)..];
        Assert.Contains("<td>survey</td>", section);
        Assert.Contains(_fixture.Subject, section);
        Assert.Contains("access1@supplier.test", section);
        Assert.Contains($"href=\"{RawPath}\"", section);

        var download = await auditor.Http.GetAsync(RawPath);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("message/rfc822", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(await Workflow.ClientFor(WorkflowApp.OwnerKey).GetByteArrayAsync(RawPath), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task CaseExport_CarriesEachMessageAsSent()
    {
        var auditor = await PageClient.SignedInAsync(Workflow, Roles.Auditor);

        var zipBytes = await (await auditor.Http.GetAsync($"/cases/{_fixture.Case}/export")).Content.ReadAsByteArrayAsync();

        using var zip = new ZipArchive(new MemoryStream(zipBytes));
        var entry = zip.GetEntry("messages/01-outbound-survey.eml");
        Assert.NotNull(entry);
        using var content = new MemoryStream();
        await using (var stream = entry.Open()) await stream.CopyToAsync(content);
        Assert.Equal(await Workflow.ClientFor(WorkflowApp.AuditorKey).GetByteArrayAsync(RawPath), content.ToArray());
        using var caseJson = JsonDocument.Parse(zip.GetEntry("case.json")!.Open());
        var listed = Assert.Single(caseJson.RootElement.GetProperty("messages").EnumerateArray());
        Assert.Equal("messages/01-outbound-survey.eml", listed.GetProperty("path").GetString());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(content.ToArray())).ToLowerInvariant(), listed.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Messages_WithoutAStaffKeyOrSignIn_Are401_AndASupplierLinkOpensNone()
    {
        // The control: any staff role reads them.
        Assert.Equal(HttpStatusCode.OK, (await Workflow.ClientFor(WorkflowApp.AuditorKey).GetAsync(ListPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Workflow.ClientFor(WorkflowApp.ManagerKey).GetAsync(RawPath)).StatusCode);

        var anonymous = Workflow.CreateClient();
        var browser = PageClient.Anonymous(Workflow).Http;
        foreach (var path in new[] { ListPath, RawPath })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(path)).StatusCode);
        }

        // A supplier holds a valid link to this very case, and has opened its page (with whatever cookies it sets).
        var token = Workflow.Service<SupplierLinkSigner>().Create(_fixture.Case);
        var supplier = Workflow.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await supplier.GetAsync($"/supplier/{token}")).StatusCode);
        foreach (var path in new[] { ListPath, RawPath })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await supplier.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await supplier.GetAsync($"{path}?token={token}")).StatusCode);
            using var withToken = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
            Assert.Equal(HttpStatusCode.Unauthorized, (await supplier.SendAsync(withToken)).StatusCode);
        }
    }

    [Fact]
    public async Task UnknownCaseOrMessage_Is404()
    {
        var auditor = Workflow.ClientFor(WorkflowApp.AuditorKey);

        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/api/cases/{Guid.NewGuid()}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/api/messages/{_fixture.MessageId + 1000}/raw")).StatusCode);
    }
}
