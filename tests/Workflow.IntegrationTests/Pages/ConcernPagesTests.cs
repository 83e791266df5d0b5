using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workflow.Application.Grievances;
using Workflow.Domain.Grievances;
using Workflow.Domain.Security;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Pages;

/// <summary>
/// The grievance mechanism's pages as a browser uses them: the public form and the reporter's follow-up page (errors
/// kept beside their fields, in the reporter's language), and the investigators' forms (Post/Redirect/Get, refused for
/// managers and auditors, the reporter's identity for compliance owners only).
/// </summary>
public partial class ConcernPagesTests : IClassFixture<ConcernPagesTests.App>
{
    public sealed class App : IDisposable
    {
        // Every test posts from the same address; the public limit is tested with its own application.
        public WorkflowApp Workflow { get; } = new(settings: new Dictionary<string, string?>
        {
            ["Pages:LoginAttemptsPerMinute"] = "10000",
            ["Grievance:PublicReportsPerHour"] = "10000",
        });

        public void Dispose() => Workflow.Dispose();
    }

    private readonly WorkflowApp _app;
    public ConcernPagesTests(App app) => _app = app.Workflow;

    [Fact]
    public async Task ABrowsersFormWithProblems_ComesBackWith400_InItsLanguage_WhatWasTypedKept_AndNothingStored()
    {
        var before = await _app.ScalarAsync("select count(*) from workflow.concerns");
        var reporter = PageClient.Anonymous(_app);

        var response = await reporter.Http.PostAsync("/concerns?lang=de", Multipart(new()
        {
            ["description"] = "  ", ["smelter"] = "Schmelze <b>Nord</b>", ["reporterEmail"] = "keine-adresse", ["language"] = "de",
        }, ("notes.exe", "MZ\0\0binary"u8.ToArray())));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"de\"", html);
        Assert.Matches("id=\"description-errors\"><li>Bitte beschreiben Sie, was geschehen ist.</li>", html);
        Assert.Matches("id=\"reporterEmail-errors\"><li>Das ist keine E-Mail-Adresse", html);
        Assert.Matches("id=\"files-errors\"><li>„notes.exe“ ist keine Art von Datei", html);
        Assert.Contains("value=\"Schmelze &lt;b&gt;Nord&lt;/b&gt;\"", html);
        Assert.Contains("value=\"keine-adresse\"", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Equal(before, await _app.ScalarAsync("select count(*) from workflow.concerns"));
    }

    [Fact]
    public async Task AValidReport_RedirectsToTheFollowUpPage_WhichShowsTheReferenceAndTheWholeLinkOnce()
    {
        var reporter = PageClient.Anonymous(_app);

        var response = await reporter.Http.PostAsync("/concerns?lang=es", Multipart(new()
        {
            ["description"] = "Hombres armados cobran un impuesto en la mina.", ["metal"] = "tin", ["language"] = "es",
        }, ("foto.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3])));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/concerns/follow-up/[A-Za-z0-9_-]+\\?new=1$", location);
        var page = await reporter.GetHtmlAsync(location);
        var reference = Reference().Match(page).Value;
        Assert.Contains($"Gracias. Su referencia es {reference}.", page);
        Assert.Contains($"id=\"follow-up-link\">http://", page);
        Assert.Contains(location.Split('?')[0] + "</a>", page);
        Assert.Contains("Hemos recibido su denuncia", page);
        // Without ?new=1 the link is not repeated in the box (it is the address itself); JSON clients keep their answer.
        Assert.DoesNotContain("id=\"follow-up-link\"", await reporter.GetHtmlAsync(location.Split('?')[0]));
        var json = await _app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, location.Split('?')[0])
            { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("application/json") } } });
        Assert.Equal(reference, JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("reference").GetString());
        Assert.Equal(1, await _app.ScalarAsync($"select count(*) from workflow.concern_files f join workflow.concerns c on c.id = f.concern_id where c.reference = '{reference}'"));
    }

    [Fact]
    public async Task AnUnknownLink_IsA404InTheReportersWorld_SayingWhatToDo_WithoutStaffLinks()
    {
        var html = await PageClient.Anonymous(_app).GetHtmlAsync("/concerns/follow-up/not-a-real-token-at-all", HttpStatusCode.NotFound);
        var spanish = await PageClient.Anonymous(_app).GetHtmlAsync("/concerns/follow-up/not-a-real-token-at-all?lang=es", HttpStatusCode.NotFound);

        Assert.Contains("This link does not open a report", html);
        Assert.Contains("report again and mention your reference", html);
        Assert.DoesNotContain("G-0", html);
        Assert.DoesNotContain("/campaigns", html);
        Assert.Contains("Este enlace no abre ninguna denuncia", spanish);
    }

    [Fact]
    public async Task TheReporterAddsInformation_SeeOtherWithANotice_AnEmptyAdditionComesBackWithItsError()
    {
        var (_, token) = await NewConcernAsync(language: "fr");
        var reporter = PageClient.Anonymous(_app);
        var path = $"/concerns/follow-up/{token}";

        var empty = await reporter.Http.PostAsync(path, Multipart(new() { ["body"] = " " }));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("id=\"body-errors\"><li>Écrivez ce que vous souhaitez ajouter.</li>", await empty.Content.ReadAsStringAsync());

        var added = await reporter.Http.PostAsync(path, Multipart(new() { ["body"] = "Le camion part chaque lundi." }, ("carte.txt", "route"u8.ToArray())));
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        Assert.Equal($"{path}?added=1", added.Headers.Location!.OriginalString);
        var page = await reporter.GetHtmlAsync(added.Headers.Location!.OriginalString);
        Assert.Contains("Merci : vos informations ont été ajoutées.", page);
        Assert.Contains("Le camion part chaque lundi.", page);
        Assert.Contains("Fichiers: carte.txt", page);
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Auditor)]
    public async Task ManagersAndAuditors_AreRefusedTheQueue_TheConcernPage_AndEveryForm(string role)
    {
        var (id, _) = await NewConcernAsync();
        var client = await PageClient.SignedInAsync(_app, role);

        await client.GetHtmlAsync("/grievances", HttpStatusCode.Forbidden);
        await client.GetHtmlAsync($"/grievances/{id}", HttpStatusCode.Forbidden);
        foreach (var (action, fields) in new[]
                 {
                     ($"/grievances/{id}/transitions", new Dictionary<string, string> { ["to"] = "under-review", ["reason"] = "looking" }),
                     ($"/grievances/{id}/replies", new Dictionary<string, string> { ["body"] = "hello" }),
                     ($"/grievances/{id}/links", new Dictionary<string, string> { ["cid"] = "CID000001" }),
                 })
        {
            var response = await client.PostFormAsync("/campaigns", action, fields);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Equal("received", await _app.ScalarTextAsync($"select state from workflow.concerns where id = '{id}'"));
        Assert.Equal(0, await _app.ScalarAsync($"select count(*) from workflow.concern_messages where concern_id = '{id}'"));
    }

    [Fact]
    public async Task AnInvestigator_MovesWithAReason_RepliesAndSeesItInTheTrail_ButNeverTheReportersName()
    {
        var (id, token) = await NewConcernAsync(named: true);
        var investigator = await PageClient.SignedInAsync(_app, Roles.Investigator);
        var queue = await investigator.GetHtmlAsync("/grievances");
        var reference = await _app.ScalarTextAsync($"select reference from workflow.concerns where id = '{id}'");
        Assert.Contains($"<a href=\"/grievances/{id}\">{reference}</a>", queue);
        Assert.DoesNotContain("href=\"/campaigns\"", queue);
        Assert.Contains("href=\"/grievances/report\">Quarterly report</a>", queue);

        var noReason = await investigator.PostFormAsync($"/grievances/{id}", $"/grievances/{id}/transitions", new() { ["to"] = "under-review", ["reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("id=\"move-reason-errors\"><li>Say why", await noReason.Content.ReadAsStringAsync());
        Assert.Equal("received", await _app.ScalarTextAsync($"select state from workflow.concerns where id = '{id}'"));

        var moved = await investigator.PostFormAsync($"/grievances/{id}", $"/grievances/{id}/transitions",
            new() { ["to"] = "under-review", ["reason"] = "Credible: names the mine and the week." });
        Assert.Equal(HttpStatusCode.SeeOther, moved.StatusCode);
        Assert.Equal($"/grievances/{id}?moved=under-review#state", moved.Headers.Location!.OriginalString);

        var replied = await investigator.PostFormAsync($"/grievances/{id}", $"/grievances/{id}/replies", new() { ["body"] = "Thank you; which week was it?" });
        Assert.Equal(HttpStatusCode.SeeOther, replied.StatusCode);

        var page = await investigator.GetHtmlAsync($"/grievances/{id}?replied=1");
        Assert.Contains("Reply sent", page);
        Assert.Contains("Credible: names the mine and the week.", page);
        Assert.Contains("Thank you; which week was it?", page);
        Assert.Contains("Named reporter — identity visible to compliance owners only.", page);
        Assert.DoesNotContain("Ana Informante", page);
        Assert.DoesNotContain("ana@example.org", page);
        // Only the allowed next states are offered.
        Assert.DoesNotContain("<option value=\"received\"", page);
        Assert.Contains("<option value=\"investigating\"", page);
        Assert.Contains($"href=\"/api/concerns/{id}/files/", page);

        var reporter = await PageClient.Anonymous(_app).GetHtmlAsync($"/concerns/follow-up/{token}");
        Assert.Contains("Thank you; which week was it?", reporter);
        Assert.Contains("We are reviewing your report.", reporter);
        Assert.DoesNotContain("investigator-", reporter);
    }

    [Fact]
    public async Task AComplianceOwner_SeesTheReporter_AndASubstantiatedSmelterNamesItsDraftWithALinkToTheRules()
    {
        var (id, _) = await NewConcernAsync(named: true);
        var owner = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);
        var page = await owner.GetHtmlAsync($"/grievances/{id}");
        Assert.Contains("Ana Informante", page);
        Assert.Contains("mailto:ana@example.org", page);

        var neither = await owner.PostFormAsync($"/grievances/{id}", $"/grievances/{id}/links", new() { ["cid"] = "", ["supplier"] = "", ["case"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
        Assert.Contains("id=\"target-errors\"", await neither.Content.ReadAsStringAsync());

        var linked = await owner.PostFormAsync($"/grievances/{id}", $"/grievances/{id}/links",
            new() { ["cid"] = "CID002158", ["substantiated"] = "true", ["reason"] = "Confirmed by our visit." });
        Assert.Equal(HttpStatusCode.SeeOther, linked.StatusCode);
        var location = linked.Headers.Location!.OriginalString;
        var draft = Regex.Match(location, "draft=([^&#]+)").Groups[1].Value;
        Assert.EndsWith(await _app.ScalarTextAsync($"select reference from workflow.concerns where id = '{id}'"), draft);

        var after = await owner.GetHtmlAsync(location.Split('#')[0]);
        Assert.Contains($"Draft policy version {draft} prepared.", after);
        Assert.Contains($"href=\"/rules#draft-{draft}\">Simulate and activate {draft} on the Rules page</a>", after);
        Assert.Contains("smelter CID002158", after);
        Assert.Contains("Linked as substantiated", after);
        // The query alone cannot make the page name another version.
        Assert.DoesNotContain("Draft policy version default prepared", await owner.GetHtmlAsync($"/grievances/{id}?draft=default"));
    }

    [Fact]
    public async Task AnInvestigatorStartsAtTheQueue_AndTheirNavigationHasOnlyConcerns()
    {
        var investigator = await PageClient.SignedInAsync(_app, Roles.Investigator);

        var start = await investigator.Http.GetAsync("/");
        Assert.Equal("/grievances", start.Headers.Location!.OriginalString);
        var html = await investigator.GetHtmlAsync("/grievances");
        var nav = Regex.Match(html, "<nav aria-label=\"Main\">(.*?)</nav>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(["/grievances"], Regex.Matches(nav, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
    }

    private async Task<(Guid Id, string Token)> NewConcernAsync(bool named = false, string language = "en")
    {
        var created = await _app.Service<ConcernStore>().CreateAsync(new ConcernInput
        {
            Description = "Soldiers tax the tin leaving the Bisie mine.", Smelter = "CID002158", Metal = "tin", Country = "DR Congo", Language = language,
            ReporterName = named ? "Ana Informante" : null, ReporterEmail = named ? "ana@example.org" : null,
        }, [new ConcernAttachment("evidence.pdf", "application/pdf", "%PDF-1.4\n%evidence"u8.ToArray())], ConcernChannels.Web, ConcernStore.ReporterActor, null,
            CancellationToken.None);
        return (created.Id, created.FollowUpToken);
    }

    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields, params (string Name, byte[] Content)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in fields) content.Add(new StringContent(v, Encoding.UTF8), k);
        foreach (var (name, bytes) in files) content.Add(new ByteArrayContent(bytes), "files", name);
        return content;
    }

    [GeneratedRegex("G-\\d{6}")]
    private static partial Regex Reference();
}

/// <summary>The public limit per network address, as the reporter's browser meets it: a page in their language.</summary>
public class ConcernRateLimitPageTests : IDisposable
{
    private readonly WorkflowApp _app = new(settings: new Dictionary<string, string?> { ["Grievance:PublicReportsPerHour"] = "1" });

    [Fact]
    public async Task TheSecondReportInAnHour_GetsA429PageInTheReportersLanguage()
    {
        var reporter = PageClient.Anonymous(_app);
        var first = new MultipartFormDataContent { { new StringContent("Un primer informe."), "description" } };
        Assert.Equal(HttpStatusCode.SeeOther, (await reporter.Http.PostAsync("/concerns?lang=es", first)).StatusCode);

        var second = await reporter.Http.PostAsync("/concerns?lang=es", new MultipartFormDataContent { { new StringContent("Otro."), "description" } });

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"es\"", html);
        Assert.Contains("Demasiadas denuncias", html);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Equal(1, await _app.ScalarAsync("select count(*) from workflow.concerns"));
    }

    public void Dispose() => _app.Dispose();
}
