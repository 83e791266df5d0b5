using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Workflow.Domain.Security;
using Workflow.Application.SupplierLinks;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Pages;

namespace Workflow.IntegrationTests.Security;

/// <summary>
/// Files come from suppliers who need no login. They are served back to staff only as attachments, typed and named
/// by the service, and only under the case they belong to; what is not a workbook at all is never stored.
/// </summary>
public class UploadedFileTests(SecurityApp fixture) : IClassFixture<SecurityApp>
{
    private readonly WorkflowApp _app = fixture.Workflow;
    private HttpClient Anonymous => _app.CreateClient();

    private static MultipartFormDataContent Form(byte[] content, string fileName, string contentType)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private async Task<Guid> FirstSubmissionAsync(Guid caseId) =>
        Guid.Parse((await _app.ScalarTextAsync($"select id::text from workflow.submissions where case_id = '{caseId}' order by received_at limit 1"))!);

    [Fact]
    public async Task SupplierLink_HtmlPosingAsAFile_IsRefusedAndNothingIsStored()
    {
        var c = (await _app.LaunchAsync(1, "xss-portal"))[0];
        var before = await _app.CaseAsync(c);
        var token = _app.Service<SupplierLinkSigner>().Create(c);

        var response = await Anonymous.PostAsync($"/supplier/{token}",
            Form(Encoding.UTF8.GetBytes("<html><script>fetch('/api/escalations')</script></html>"), "x/", "text/html"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("it is a text file", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await _app.ScalarAsync($"select count(*) from workflow.submissions where case_id = '{c}'"));
        Assert.Equal(before, await _app.CaseAsync(c));
    }

    [Fact]
    public async Task Download_OfAFileStoredBeforeThisCheck_IsAnAttachmentOfNoExecutableType()
    {
        // What the portal stored before uploads were recognised: markup sent as "x/" with Content-Type text/html.
        var c = (await _app.LaunchAsync(1, "xss-legacy"))[0];
        var id = Guid.NewGuid();
        await _app.ExecuteAsync($"""
            insert into workflow.submissions (id, case_id, received_at, channel, submitted_by, file_name, content_type, size_bytes, sha256,
                content, outcome, evaluation)
            values ('{id}', '{c}', now(), 'supplier-link', 'supplier:x', 'x/', 'text/html', 40, 'x',
                convert_to('<script>fetch("/api/escalations")</script>', 'UTF8'), 'unreadable', jsonb_build_object())
            """);
        var manager = await PageClient.SignedInAsync(_app, Roles.Manager);

        var response = await manager.Http.GetAsync($"/api/cases/{c}/submissions/{id}/file");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("submission.bin", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Download_OfAWorkbook_IsTypedAndNamedByTheService_NotTheUploader()
    {
        var c = (await _app.LaunchAsync(1, "typed"))[0];
        var token = _app.Service<SupplierLinkSigner>().Create(c);
        var upload = await Anonymous.PostAsync($"/supplier/{token}", Form(TestWorkbooks.NotACmrt(), "..\\..\\<b>evil</b>.html", "text/html"));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var submission = await FirstSubmissionAsync(c);

        var response = await _app.ClientFor(WorkflowApp.AuditorKey).GetAsync($"/api/cases/{c}/submissions/{submission}/file");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("b.xlsx", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(TestWorkbooks.NotACmrt().Length, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task Download_UnderAnotherCaseId_Is404()
    {
        var cases = await _app.LaunchAsync(2, "wrong-case");
        var token = _app.Service<SupplierLinkSigner>().Create(cases[0]);
        await Anonymous.PostAsync($"/supplier/{token}", Form(TestWorkbooks.NotACmrt(), "cmrt.xlsx", "application/octet-stream"));
        var submission = await FirstSubmissionAsync(cases[0]);
        var auditor = _app.ClientFor(WorkflowApp.AuditorKey);

        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/api/cases/{Guid.Empty}/submissions/{submission}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/api/cases/{cases[1]}/submissions/{submission}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/cases/{cases[0]}/submissions/{submission}/file")).StatusCode);
    }

    [Fact]
    public async Task CaseExport_EntryNames_AreBuiltFromSafePartsOnly()
    {
        var c = (await _app.LaunchAsync(1, "zipslip"))[0];
        var token = _app.Service<SupplierLinkSigner>().Create(c);
        await Anonymous.PostAsync($"/supplier/{token}", Form(TestWorkbooks.NotACmrt(), "..\\..\\tmp\\zipslip.xlsx", "application/octet-stream"));
        await Anonymous.PostAsync($"/supplier/{token}", Form(TestWorkbooks.NotACmrt(), "../../etc/.profile", "application/octet-stream"));
        var auditor = await PageClient.SignedInAsync(_app, Roles.Auditor);

        var zipBytes = await (await auditor.Http.GetAsync($"/cases/{c}/export")).Content.ReadAsByteArrayAsync();

        using var zip = new ZipArchive(new MemoryStream(zipBytes));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("submissions/01-zipslip.xlsx", names);
        Assert.Contains("submissions/02-profile.xlsx", names);
        Assert.All(names, n => Assert.Matches(@"^[\p{L}\p{N}_.-]+(/[\p{L}\p{N}_.-]+)*$", n));
        Assert.All(names, n => Assert.DoesNotContain("..", n));
        using var caseJson = JsonDocument.Parse(zip.GetEntry("case.json")!.Open());
        Assert.Contains("..\\..\\tmp\\zipslip.xlsx", caseJson.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("receivedAs").GetString()));
    }

    [Fact]
    public async Task SupplierPage_PdfUpload_ShowsWhyOnThePage_NoTransitionNoMail()
    {
        var c = (await _app.LaunchAsync(1, "pdf", language: "de"))[0];
        var before = await _app.CaseAsync(c);
        var mailBefore = await _app.OutboxKindsAsync(c);
        var token = _app.Service<SupplierLinkSigner>().Create(c);

        var response = await Anonymous.PostAsync($"/supplier/{token}", Form("%PDF-1.7\n1 0 obj\n"u8.ToArray(), "CMRT.xlsx", "application/pdf"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sie ist ein PDF-Dokument, keine Excel-Arbeitsmappe", html);
        Assert.Contains("<form method=\"post\"", html);
        Assert.Equal(before, await _app.CaseAsync(c));
        Assert.Equal(mailBefore, await _app.OutboxKindsAsync(c));
    }
}
