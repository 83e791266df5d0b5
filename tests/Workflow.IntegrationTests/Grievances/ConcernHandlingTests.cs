using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Application.Grievances;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Records;

namespace Workflow.IntegrationTests.Grievances;

/// <summary>Handling a concern: the machine's moves with reasons, the conversation through the secret link, the untouched timer.</summary>
public class ConcernHandlingTests
{
    [Fact]
    public async Task Moves_FollowTheMachine_EachAuditedWithItsReason_AndAClosedConcernKeepsItsOutcome()
    {
        using var app = new WorkflowApp(settings: ConcernSteps.Settings());
        var (id, _, _) = await app.ReportAnonymouslyAsync("Tungsten from a mine controlled by a militia");
        var investigator = app.ClientFor(WorkflowApp.InvestigatorKey);

        var skip = await investigator.PostAsJsonAsync($"/api/concerns/{id}/transitions", new { to = "resolved", reason = "done" });
        var noReason = await investigator.PostAsJsonAsync($"/api/concerns/{id}/transitions", new { to = "under-review", reason = " " });
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Contains("A received concern cannot move to resolved; it can move to under-review, investigating, dismissed", await skip.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        await Move(investigator, id, "under-review", "Plausible: names a mine and a route");
        app.Clock.Advance(TimeSpan.FromDays(2));
        await Move(investigator, id, "investigating", "Asked the smelter's auditor");
        var resolved = await Move(investigator, id, "resolved", "Auditor confirmed; smelter suspended by RMI");

        Assert.Equal("resolved", resolved.GetProperty("state").GetString());
        Assert.Equal("Auditor confirmed; smelter suspended by RMI", resolved.GetProperty("outcomeReason").GetString());
        Assert.Equal(["under-review"], resolved.GetProperty("next").EnumerateArray().Select(e => e.GetString()));
        var moves = resolved.GetProperty("audit").EnumerateArray().Where(a => a.GetProperty("action").GetString() == "transition").ToList();
        Assert.Equal(["under-review", "investigating", "resolved"], moves.Select(m => m.GetProperty("to").GetString()));
        Assert.All(moves, m => Assert.Equal("apikey:investigator", m.GetProperty("actor").GetString()));
        Assert.All(moves, m => Assert.Equal("2027.1", m.GetProperty("definitionVersion").GetString()));
        Assert.Equal("Asked the smelter's auditor", moves[1].GetProperty("reason").GetString());
        // The first response was the first move, two days before the second.
        Assert.Equal(app.Clock.GetUtcNow().AddDays(-2), resolved.GetProperty("firstResponseAt").GetDateTimeOffset());
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => app.ExecuteAsync($"update workflow.concern_audit set reason = 'x' where concern_id = '{id}'"));
    }

    [Fact]
    public async Task Reporter_ReadsOurReplyThroughTheSecretLink_AddsInformation_AndTheOfficersAreTold()
    {
        await using var sink = new SmtpSink().Start();
        using var app = new WorkflowApp(settings: ConcernSteps.Settings(sink.Settings()));
        var (id, reference, link) = await app.ReportAnonymouslyAsync("Gold bars from Bukavu relabelled at a refinery");
        var token = ConcernSteps.TokenOf(link);
        var investigator = app.ClientFor(WorkflowApp.InvestigatorKey);

        var reply = await investigator.PostAsJsonAsync($"/api/concerns/{id}/replies", new { body = "Thank you. Which refinery, and since when?" });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);

        var reporter = app.ClientFor(null);
        reporter.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var view = await reporter.GetFromJsonAsync<JsonElement>(new Uri(link).PathAndQuery);
        Assert.Equal(reference, view.GetProperty("reference").GetString());
        var ours = Assert.Single(view.GetProperty("messages").EnumerateArray());
        Assert.True(ours.GetProperty("fromUs").GetBoolean());
        Assert.Equal("Thank you. Which refinery, and since when?", ours.GetProperty("body").GetString());
        // Which of us wrote is not the reporter's business.
        Assert.DoesNotContain("investigator", view.GetRawText());

        using var more = new MultipartFormDataContent { { new StringContent("Since March; the Example Refinery in Kigali"), "body" } };
        more.Add(new ByteArrayContent(ConcernSteps.Pdf), "files", "receipt.pdf");
        var added = await reporter.PostAsync($"/concerns/follow-up/{token}", more);
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        await app.DrainOutboxAsync();

        var detail = await investigator.GetFromJsonAsync<JsonElement>($"/api/concerns/{id}");
        var theirs = detail.GetProperty("messages").EnumerateArray().Last();
        Assert.Equal("from-reporter", theirs.GetProperty("direction").GetString());
        Assert.Equal("receipt.pdf", Assert.Single(theirs.GetProperty("files").EnumerateArray()).GetProperty("fileName").GetString());
        Assert.Contains(sink.Messages, m => m.Headers["X-Workflow-Kind"] == "concern-information" && m.Subject!.Contains(reference));

        // A tampered or guessed link opens nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync($"/concerns/follow-up/{token[..^2]}xx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.PostAsync($"/concerns/follow-up/not-a-token",
            new MultipartFormDataContent { { new StringContent("x"), "body" } })).StatusCode);
    }

    [Fact]
    public async Task UntouchedForTenDays_EscalatesToTheOfficersAgain_OncePerPeriod_AndNotOnceClosed()
    {
        await using var sink = new SmtpSink().Start();
        using var app = new WorkflowApp(settings: ConcernSteps.Settings(sink.Settings()));
        var store = app.Service<ConcernStore>();
        var (id, reference, _) = await app.ReportAnonymouslyAsync("Nobody will read this, I fear");
        var (other, _, _) = await app.ReportAnonymouslyAsync("A second concern, which someone handles");
        var investigator = app.ClientFor(WorkflowApp.InvestigatorKey);

        app.Clock.Advance(TimeSpan.FromDays(9));
        await Move(investigator, other, "under-review", "Looking at it");
        Assert.Equal(0, await store.SweepAsync(CancellationToken.None));

        app.Clock.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(1, await store.SweepAsync(CancellationToken.None));
        Assert.Equal(0, await store.SweepAsync(CancellationToken.None));
        await app.DrainOutboxAsync();

        var reminder = Assert.Single(sink.Messages, m => m.Headers["X-Workflow-Kind"] == "concern-untouched");
        Assert.Contains(reference, reminder.Subject);
        Assert.Contains("10 days", reminder.Subject);
        Assert.Equal(ConcernSteps.Officers.Order(), reminder.To.Mailboxes.Select(m => m.Address).Order());
        Assert.Equal(1, await app.ScalarAsync($"select count(*) from workflow.concern_audit where concern_id = '{id}' and action = 'escalated-untouched' and actor = 'timer'"));

        // Ten more days untouched: again. Then dismissed: never again.
        app.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(2, await store.SweepAsync(CancellationToken.None));
        await Move(investigator, id, "dismissed", "No detail to act on; reporter did not answer");
        await Move(investigator, other, "dismissed", "Duplicate of an earlier concern");
        app.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await store.SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ALinkOrAReply_CountsAsAnAction_AndStartsTheUntouchedClockOver()
    {
        using var app = new WorkflowApp(settings: ConcernSteps.Settings());
        var store = app.Service<ConcernStore>();
        var (linked, _, _) = await app.ReportAnonymouslyAsync("A smelter named in a radio report");
        var (answered, _, _) = await app.ReportAnonymouslyAsync("A trader near the border");
        var investigator = app.ClientFor(WorkflowApp.InvestigatorKey);

        app.Clock.Advance(TimeSpan.FromDays(9));
        Assert.Equal(HttpStatusCode.Created, (await investigator.PostAsJsonAsync($"/api/concerns/{linked}/links", new { cid = "CID000103", substantiated = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await investigator.PostAsJsonAsync($"/api/concerns/{answered}/replies", new { body = "Which border crossing?" })).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await store.SweepAsync(CancellationToken.None));

        app.Clock.Advance(TimeSpan.FromDays(9));
        Assert.Equal(2, await store.SweepAsync(CancellationToken.None));
    }

    private static async Task<JsonElement> Move(HttpClient client, Guid id, string to, string reason)
    {
        var response = await client.PostAsJsonAsync($"/api/concerns/{id}/transitions", new { to, reason });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }
}
