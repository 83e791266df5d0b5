using Workflow.Tests.Shared;
using System.Net;
using System.Net.Http.Headers;
using Workflow.Application.SupplierLinks;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.SupplierPortal;

public class SupplierLinkTests : IClassFixture<SupplierLinkTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new(settings: FollowUpSteps.Manual());
        public void Dispose() => Workflow.Dispose();
    }

    private readonly WorkflowApp _app;
    private readonly HttpClient _anonymous;

    public SupplierLinkTests(App app)
    {
        _app = app.Workflow;
        _anonymous = _app.CreateClient();
    }

    private SupplierLinkSigner Signer => _app.Service<SupplierLinkSigner>();

    private static MultipartFormDataContent Form(byte[] content, string fileName = "cmrt.xlsx", string field = "file")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    [Fact]
    public async Task ValidLink_ShowsTheCase_AndAnUploadShowsTheFindingsAtOnce()
    {
        var c = (await _app.LaunchAsync(1, "portal"))[0];
        var token = Signer.Create(c);

        var page = await _anonymous.GetAsync($"/supplier/{token}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("portal 1 GmbH", html);
        Assert.Contains("<dt>Please send by</dt><dd><time datetime=\"2027-03-31\">31 March 2027</time></dd>", html);
        Assert.Contains("We are waiting for your CMRT.", html);
        Assert.Contains("<label for=\"file\">", html);

        var upload = await _anonymous.PostAsync($"/supplier/{token}", Form(TestWorkbooks.Invalid()));
        var result = await upload.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Contains("could not be accepted yet", result);
        Assert.Contains("<table class=\"supplier-findings\"", result);
        Assert.Contains("<td>Declaration, cell D8</td>", result);
        Assert.Contains("We need a corrected CMRT.", result);
        Assert.DoesNotContain("Invalid", result);

        var last = (await _app.HistoryAsync(c))[^1];
        Assert.Equal("RejectedAsInvalid", last.GetProperty("trigger").GetString());
        Assert.Equal("supplier:portal1@supplier.test", last.GetProperty("actor").GetString());
        Assert.Equal(1, await _app.ScalarAsync($"select count(*) from workflow.submissions where case_id = '{c}' and channel = 'supplier-link'"));

        var fixedFile = await _anonymous.PostAsync($"/supplier/{token}", Form(TestWorkbooks.Accepted()));
        Assert.Contains("your CMRT was accepted", await fixedFile.Content.ReadAsStringAsync());
        Assert.Equal("Corrected", (await _app.CaseAsync(c)).Stage);
    }

    [Fact]
    public async Task GermanSupplier_GetsThePageInGerman_WithTheFindingsInGerman()
    {
        var c = (await _app.LaunchAsync(1, "deutsch", language: "de"))[0];
        var token = Signer.Create(c);

        var html = await (await _anonymous.GetAsync($"/supplier/{token}")).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"de\">", html);
        Assert.Contains("<dt>Bitte senden bis</dt><dd><time datetime=\"2027-03-31\">31. März 2027</time></dd>", html);
        Assert.Contains("Wir warten auf Ihr CMRT.", html);
        Assert.Contains("Hochladen und prüfen", html);

        var result = await (await _anonymous.PostAsync($"/supplier/{token}",
            Form(TestWorkbooks.Invalid()))).Content.ReadAsStringAsync();
        Assert.Contains("Ihre Datei kann noch nicht angenommen werden", result);
        Assert.Contains("<td>Muss korrigiert werden</td>", result);
        Assert.Contains("<td>Declaration, Zelle D8</td><td>Tragen Sie den rechtlichen Namen Ihres Unternehmens in Zelle D8 des Blatts Declaration ein.</td>", result);
        Assert.Contains("Wir brauchen ein korrigiertes CMRT.", result);
        Assert.DoesNotContain("could not be accepted yet", result);
    }

    [Fact]
    public async Task TamperedLink_Is403_AndALinkCannotBeMovedToAnotherCase()
    {
        var cases = await _app.LaunchAsync(2, "tamper");
        var token = Signer.Create(cases[0]);
        var flipped = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        var otherPayload = Signer.Create(cases[1]).Split('.')[0] + "." + token.Split('.')[1];

        foreach (var bad in new[] { flipped, otherPayload, "nonsense", token.Split('.')[0] })
        {
            var response = await _anonymous.GetAsync($"/supplier/{bad}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("This link is not valid", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await _anonymous.PostAsync($"/supplier/{flipped}", Form([1, 2, 3]))).StatusCode);
    }

    [Fact]
    public async Task ExpiredLink_Is410()
    {
        var c = (await _app.LaunchAsync(1, "expired"))[0];
        var token = Signer.Create(c, _app.Clock.GetUtcNow().AddSeconds(-1));

        var response = await _anonymous.GetAsync($"/supplier/{token}");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("This link expired on", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Gone, (await _anonymous.PostAsync($"/supplier/{token}", Form([1, 2, 3]))).StatusCode);
    }

    [Fact]
    public async Task OversizedUpload_Is413_AndOnlyMultipartIsAccepted()
    {
        var c = (await _app.LaunchAsync(1, "big"))[0];
        var token = Signer.Create(c);

        var tooBig = await _anonymous.PostAsync($"/supplier/{token}", Form(new byte[5 * 1024 * 1024]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);

        var notMultipart = await _anonymous.PostAsync($"/supplier/{token}", new ByteArrayContent([1, 2, 3]));
        Assert.Equal(HttpStatusCode.BadRequest, notMultipart.StatusCode);
        Assert.Equal(0, await _app.ScalarAsync($"select count(*) from workflow.submissions where case_id = '{c}'"));
    }
}
