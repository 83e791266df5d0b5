using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Records;

namespace Workflow.IntegrationTests.Grievances;

/// <summary>Concerns coming in: the public form (anonymous or named), the hotline's API; who is told, what is kept.</summary>
public class ConcernIntakeTests
{
    [Fact]
    public async Task AnonymousWebReport_TellsEveryOfficerAtOnce_WithoutTheContent_AndStoresNothingThatIdentifiesTheSender()
    {
        await using var sink = new SmtpSink().Start();
        using var app = new WorkflowApp(settings: ConcernSteps.Settings(sink.Settings()));
        const string description = "Trucks from an armed group unload ore at Gamma Gold Refinery every Tuesday <script>alert(1)</script>";

        var (id, reference, link) = await app.ReportAnonymouslyAsync(description, "Gamma Gold Refinery AG (CID000103)", ("photo-notes.pdf", ConcernSteps.Pdf));
        await app.DrainOutboxAsync();

        Assert.Matches(new Regex("^G-[0-9]{6}$"), reference);
        Assert.StartsWith("http", link);
        Assert.Contains("/concerns/follow-up/", link);
        var notice = Assert.Single(sink.Messages);
        Assert.Equal("concern-received", notice.Headers["X-Workflow-Kind"]);
        Assert.Equal(ConcernSteps.Officers.Order(), notice.To.Mailboxes.Select(m => m.Address).Order());
        Assert.Contains(reference, notice.Subject);
        Assert.Contains("anonymous", notice.TextBody);
        Assert.Contains($"/grievances/{id}", notice.TextBody);
        Assert.Contains("CID000103", notice.TextBody);
        // What was reported stays in the service: mail is copied and forwarded.
        Assert.DoesNotContain("armed group", notice.TextBody);

        // No address, no name: the stored row, its audit and its outbox data hold nothing of the sender.
        var stored = await app.ScalarTextAsync($"select row_to_json(c)::text from workflow.concerns c where id = '{id}'");
        Assert.DoesNotContain("127.0.0.1", stored);
        Assert.Equal(0, await app.ScalarAsync($"select count(*) from workflow.concerns where id = '{id}' and (reporter_name is not null or reporter_email is not null or reporter_phone is not null)"));
        Assert.Equal("reporter", await app.ScalarTextAsync($"select actor from workflow.concern_audit where concern_id = '{id}' and action = 'received'"));
        Assert.Equal(0, await app.ScalarAsync("select count(*) from workflow.concern_audit where data::text like '%127.0.0.1%' or actor like '%127.0.0.1%'"));
        // The raw token is only in the link: the database has its hash.
        Assert.Equal(0, await app.ScalarAsync($"select count(*) from workflow.concerns where follow_up_hash = convert_to('{ConcernSteps.TokenOf(link)}', 'UTF8')"));

        // An investigator reads it all, the file as a download of the type we recognised.
        var investigator = app.ClientFor(WorkflowApp.InvestigatorKey);
        var detail = await investigator.GetFromJsonAsync<JsonElement>($"/api/concerns/{id}");
        Assert.Equal(description, detail.GetProperty("description").GetString());
        Assert.Equal("received", detail.GetProperty("state").GetString());
        Assert.Equal("web", detail.GetProperty("channel").GetString());
        Assert.False(detail.GetProperty("named").GetBoolean());
        var file = Assert.Single(detail.GetProperty("files").EnumerateArray());
        Assert.Equal("application/pdf", file.GetProperty("contentType").GetString());
        var download = await investigator.GetAsync($"/api/concerns/{id}/files/{file.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(ConcernSteps.Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Officers_SetOnTheSettings_AreTold_AndWithoutAnyTheMessageIsKeptAsSkipped()
    {
        await using var sink = new SmtpSink().Start();
        var settings = FollowUpSteps.Manual(sink.Settings());
        using var app = new WorkflowApp(settings: settings);
        var (_, first, _) = await app.ReportAnonymouslyAsync("Reported before anyone was named to hear it");
        await app.DrainOutboxAsync();
        Assert.Equal("no grievance officers set (/settings, or Grievance:Officers)",
            await app.ScalarTextAsync($"select last_error from workflow.outbox where kind = 'concern-received' and occurrence = '{first}' and status = 'skipped'"));

        var owner = app.ClientFor(WorkflowApp.OwnerKey);
        var put = await owner.PutAsJsonAsync("/api/settings", new { grievanceOfficers = new[] { "ethics@buyer.test", "audit-chair@buyer.test" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var (_, second, _) = await app.ReportAnonymouslyAsync("Reported after the officers were set");
        await app.DrainOutboxAsync();

        var notice = Assert.Single(sink.Messages);
        Assert.Contains(second, notice.Subject);
        Assert.Equal(["audit-chair@buyer.test", "ethics@buyer.test"], notice.To.Mailboxes.Select(m => m.Address).Order());
        Assert.Equal(2, (await owner.GetFromJsonAsync<JsonElement>("/api/settings")).GetProperty("grievanceOfficers").GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task PublicForm_RefusesAMissingDescription_AndAFileOfAnotherKind_NamingEach_AndStoresNothing()
    {
        using var app = new WorkflowApp(settings: ConcernSteps.Settings());

        var empty = await app.ReportAsync(new Dictionary<string, string> { ["description"] = "  ", ["metal"] = "plutonium" });
        var program = await app.ReportAsync(new Dictionary<string, string> { ["description"] = "See the attached file" },
            ("evidence.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("Describe the concern", errors.GetProperty("description")[0].GetString());
        Assert.Contains("'plutonium' is not one of tin, tantalum, tungsten, gold, other", errors.GetProperty("metal")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, program.StatusCode);
        var files = (await program.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("files")[0].GetString();
        Assert.Contains("'evidence.pdf' is not one of the accepted kinds of file", files);
        Assert.Equal(0, await app.ScalarAsync("select count(*) from workflow.concerns"));
        Assert.Equal(0, await app.ScalarAsync("select count(*) from workflow.outbox"));
    }

    [Fact]
    public async Task PublicForm_IsRateLimitedPerSender()
    {
        var settings = ConcernSteps.Settings();
        settings["Grievance:PublicReportsPerHour"] = "2";
        using var app = new WorkflowApp(settings: settings);

        await app.ReportAnonymouslyAsync("first");
        await app.ReportAnonymouslyAsync("second");
        var third = await app.ReportAsync(new Dictionary<string, string> { ["description"] = "third" });

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(2, await app.ScalarAsync("select count(*) from workflow.concerns"));
    }

    [Fact]
    public async Task Hotline_HandsInANamedConcern_WhoseIdentityOnlyTheComplianceOwnerSees()
    {
        await using var sink = new SmtpSink().Start();
        using var app = new WorkflowApp(settings: ConcernSteps.Settings(sink.Settings()));
        var hotline = app.ClientFor(WorkflowApp.IntakeKey);

        var response = await hotline.PostAsJsonAsync("/api/concerns", new
        {
            description = "Caller says Beta Tin buys cassiterite from Walikale without papers",
            smelter = "CID000102", metal = "tin", country = "Democratic Republic of the Congo",
            reporterName = "Jean Mukendi", reporterEmail = "jean@example.test", reporterPhone = "+243 000 000", language = "es",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.StartsWith("G-", created.GetProperty("reference").GetString());
        Assert.Equal("apikey:hotline", await app.ScalarTextAsync($"select actor from workflow.concern_audit where concern_id = '{id}'"));

        var owner = await app.ClientFor(WorkflowApp.OwnerKey).GetFromJsonAsync<JsonElement>($"/api/concerns/{id}");
        Assert.Equal("hotline", owner.GetProperty("channel").GetString());
        Assert.Equal("Jean Mukendi", owner.GetProperty("reporter").GetProperty("name").GetString());
        Assert.Equal("jean@example.test", owner.GetProperty("reporter").GetProperty("email").GetString());

        // A reply is announced to the address the reporter gave, in their language, without the reply or the link.
        var reply = await app.ClientFor(WorkflowApp.InvestigatorKey).PostAsJsonAsync($"/api/concerns/{id}/replies", new { body = "Which trader, please?" });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        await app.DrainOutboxAsync();
        var told = Assert.Single(sink.Messages, m => m.Headers["X-Workflow-Kind"] == "concern-reply");
        Assert.Equal("jean@example.test", told.To.Mailboxes.Single().Address);
        Assert.Equal("Respuesta a su denuncia " + created.GetProperty("reference").GetString(), told.Subject);
        Assert.DoesNotContain("Which trader", told.TextBody);
        Assert.DoesNotContain("/concerns/follow-up/", told.TextBody);
        Assert.DoesNotContain(sink.Messages, m => m.Headers["X-Workflow-Kind"] == "concern-received" && m.TextBody!.Contains("Mukendi"));

        var investigator = await app.ClientFor(WorkflowApp.InvestigatorKey).GetAsync($"/api/concerns/{id}");
        var seen = await investigator.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, investigator.StatusCode);
        Assert.Contains("Walikale", seen);
        Assert.Contains("\"named\":true", seen);
        Assert.DoesNotContain("Mukendi", seen);
        Assert.DoesNotContain("jean@example.test", seen);
        Assert.DoesNotContain("+243", seen);
    }

    [Fact]
    public async Task Roles_OnlyInvestigatorsAndOwnersReadConcerns_AndTheGrievanceRolesReadNothingElse()
    {
        using var app = new WorkflowApp(settings: ConcernSteps.Settings());
        var (id, _, _) = await app.ReportAnonymouslyAsync("Something is wrong at a tin smelter");

        foreach (var key in new[] { WorkflowApp.ManagerKey, WorkflowApp.AuditorKey, WorkflowApp.IntakeKey })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(key).GetAsync("/api/concerns")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(key).GetAsync($"/api/concerns/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(key).PostAsJsonAsync($"/api/concerns/{id}/transitions",
                new { to = "dismissed", reason = "not ours" })).StatusCode);
        }
        // Managers and auditors may not hand concerns in through the API either (the public form is open to them as to anyone).
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(WorkflowApp.AuditorKey).PostAsJsonAsync("/api/concerns", new { description = "x" })).StatusCode);
        foreach (var key in new[] { WorkflowApp.InvestigatorKey, WorkflowApp.IntakeKey })
            foreach (var path in new[] { "/api/campaigns", "/api/settings", "/api/policies", "/api/escalations" })
                Assert.True((await app.ClientFor(key).GetAsync(path)).StatusCode == HttpStatusCode.Forbidden, $"{key} read {path}");

        var list = await app.ClientFor(WorkflowApp.InvestigatorKey).GetFromJsonAsync<JsonElement[]>("/api/concerns?state=received");
        Assert.Equal(id, Assert.Single(list!).GetProperty("id").GetGuid());
        Assert.Empty((await app.ClientFor(WorkflowApp.OwnerKey).GetFromJsonAsync<JsonElement[]>("/api/concerns?state=resolved"))!);
        var badState = await app.ClientFor(WorkflowApp.OwnerKey).GetAsync("/api/concerns?state=closed");
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        Assert.Contains("received, under-review, investigating, resolved, dismissed", await badState.Content.ReadAsStringAsync());
    }
}
