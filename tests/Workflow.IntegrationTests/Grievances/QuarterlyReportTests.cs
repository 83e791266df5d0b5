using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflow.Application.Grievances;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Grievances;

/// <summary>The quarterly report of the grievance mechanism: its figures per quarter, its CSV and page, and what it never shows.</summary>
public class QuarterlyReportTests
{
    private const string ReporterName = "Maria Quartermain";
    private const string ReporterEmail = "maria.quartermain@reporter.test";
    private const string Secret = "the foreman at the loading bay";

    [Fact]
    public async Task Report_CountsTheQuartersConcerns_ResponseTimesOutcomesLinksAndEscalations_WithoutReporterOrDescription()
    {
        using var app = new WorkflowApp(settings: QuarterlyReportSteps.Settings());
        var owner = app.ClientFor(WorkflowApp.OwnerKey);

        // 15 January 2027: three concerns by letter and by the hotline.
        var a = await owner.HandInAsync(new
        {
            description = $"Children carry ore, says {Secret}.", smelter = "CID001234", metal = "tin", channel = "letter",
            reporterName = ReporterName, reporterEmail = ReporterEmail,
        });
        var b = await owner.HandInAsync(new { description = $"{Secret} is paid in cash.", supplier = "Acme Metals" });
        var c = await owner.HandInAsync(new { description = $"{Secret} again." });

        app.Clock.Advance(TimeSpan.FromDays(2));
        await owner.MoveAsync(a.Id, "under-review", "Reading the letter");
        app.Clock.Advance(TimeSpan.FromDays(3));
        await owner.ReplyAsync(b.Id, "Thank you; we are looking into it.");
        app.Clock.Advance(TimeSpan.FromDays(1));
        await owner.MoveAsync(a.Id, "investigating", "Asking the smelter");
        var link = await owner.PostAsJsonAsync($"/api/concerns/{a.Id}/links", new { cid = "CID001234", substantiated = true, reason = "audit found it" });
        Assert.Equal(HttpStatusCode.Created, link.StatusCode);
        // A reason that looks like a formula: the CSV must show it as text.
        await owner.MoveAsync(a.Id, "resolved", "=HYPERLINK(\"http://evil.test\") smelter audited");
        // C lies untouched past its ten days: the sweep escalates it once.
        app.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(1, await app.Service<ConcernStore>().SweepAsync(CancellationToken.None));

        // Q2: a new concern, and B is dismissed (closed in Q2, so an outcome of Q2, not Q1).
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 5, 10, 0, 0, TimeSpan.Zero));
        var d = await owner.HandInAsync(new { description = "Another one.", country = "Rwanda", channel = "web" });
        await owner.MoveAsync(b.Id, "dismissed", "No evidence after two requests");

        var q1 = await owner.GetFromJsonAsync<JsonElement>("/api/concerns/report?quarter=2027-Q1");
        Assert.Equal("2027-Q1", q1.GetProperty("quarter").GetString());
        Assert.Equal(3, q1.GetProperty("received").GetInt32());
        Assert.Equal(1, q1.GetProperty("byChannel").GetProperty("letter").GetInt32());
        Assert.Equal(2, q1.GetProperty("byChannel").GetProperty("hotline").GetInt32());
        Assert.Equal(0, q1.GetProperty("byChannel").GetProperty("web").GetInt32());
        Assert.Equal(1, q1.GetProperty("bySubject").GetProperty("smelter").GetInt32());
        Assert.Equal(1, q1.GetProperty("bySubject").GetProperty("supplier").GetInt32());
        Assert.Equal(1, q1.GetProperty("bySubject").GetProperty("other").GetInt32());
        var states = q1.GetProperty("byStateNow");
        Assert.Equal((1, 1, 1), (states.GetProperty("resolved").GetInt32(), states.GetProperty("dismissed").GetInt32(), states.GetProperty("received").GetInt32()));
        var response = q1.GetProperty("firstResponse");
        Assert.Equal(3.5, response.GetProperty("medianDays").GetDouble());
        Assert.Equal(5.0, response.GetProperty("longestDays").GetDouble());
        Assert.Equal(1, response.GetProperty("withoutResponse").GetInt32());
        var outcomes = q1.GetProperty("outcomes");
        Assert.Equal((1, 1, 0), (outcomes.GetProperty("closed").GetInt32(), outcomes.GetProperty("resolved").GetInt32(), outcomes.GetProperty("dismissed").GetInt32()));
        Assert.Equal(a.Reference, Assert.Single(outcomes.GetProperty("list").EnumerateArray()).GetProperty("reference").GetString());
        Assert.Equal(1, q1.GetProperty("substantiated").GetProperty("smelters").GetInt32());
        Assert.Equal(1, q1.GetProperty("escalatedUntouched").GetProperty("concerns").GetInt32());
        Assert.Equal(c.Reference, Assert.Single(q1.GetProperty("escalatedUntouched").GetProperty("references").EnumerateArray()).GetString());
        Assert.Equal(new[] { a.Reference, b.Reference, c.Reference },
            q1.GetProperty("concerns").EnumerateArray().Select(x => x.GetProperty("reference").GetString()!).ToArray());

        var q2 = await owner.GetFromJsonAsync<JsonElement>("/api/concerns/report?quarter=2027-q2");
        Assert.Equal(1, q2.GetProperty("received").GetInt32());
        Assert.Equal(d.Reference, Assert.Single(q2.GetProperty("concerns").EnumerateArray()).GetProperty("reference").GetString());
        Assert.Equal((1, 0, 1), (q2.GetProperty("outcomes").GetProperty("closed").GetInt32(), q2.GetProperty("outcomes").GetProperty("resolved").GetInt32(),
            q2.GetProperty("outcomes").GetProperty("dismissed").GetInt32()));
        Assert.Equal(0, q2.GetProperty("escalatedUntouched").GetProperty("concerns").GetInt32());

        // Without a quarter: the last complete one by the service's clock (5 April → 2027-Q1).
        var latest = await owner.GetFromJsonAsync<JsonElement>("/api/concerns/report");
        Assert.Equal("2027-Q1", latest.GetProperty("quarter").GetString());

        var csvResponse = await owner.GetAsync("/api/concerns/report.csv?quarter=2027-Q1");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.StartsWith("text/csv", csvResponse.Content.Headers.ContentType!.ToString());
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync());
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Reference,Received,Channel,Subject,State,First response,Closed,Outcome", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"{a.Reference},2027-01-15 09:00 UTC,letter,smelter,resolved,2027-01-17 09:00 UTC,2027-01-21 09:00 UTC,\"'=HYPERLINK(", lines[1]);

        var page = await owner.GetAsync("/grievances/report?quarter=2027-Q1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(c.Reference, html);
        Assert.Contains("/api/concerns/report.csv?quarter=2027-Q1", html);

        foreach (var (what, text) in new[] { ("JSON", q1.GetRawText() + q2.GetRawText()), ("CSV", csv), ("page", html) })
        {
            Assert.False(text.Contains(ReporterName, StringComparison.OrdinalIgnoreCase), $"the {what} names the reporter");
            Assert.False(text.Contains(ReporterEmail, StringComparison.OrdinalIgnoreCase), $"the {what} has the reporter's e-mail");
            Assert.False(text.Contains(Secret, StringComparison.OrdinalIgnoreCase), $"the {what} has a description");
        }
    }

    [Fact]
    public async Task Report_RefusesWhatIsNoQuarter_AndIsForConcernHandlersOnly()
    {
        using var app = new WorkflowApp(settings: QuarterlyReportSteps.Settings());
        var owner = app.ClientFor(WorkflowApp.OwnerKey);

        foreach (var bad in new[] { "2027-5", "Q1-2027", "2027-Q0", "2027-Q1;drop" })
        {
            var response = await owner.GetAsync($"/api/concerns/report?quarter={Uri.EscapeDataString(bad)}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("quarter must look like 2027-Q1", await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.BadRequest, (await owner.GetAsync($"/api/concerns/report.csv?quarter={Uri.EscapeDataString(bad)}")).StatusCode);
        }
        var page = await owner.GetAsync("/grievances/report?quarter=2027-5");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("quarter must look like 2027-Q1", await page.Content.ReadAsStringAsync());

        // Auditors and managers read due-diligence records, not concerns.
        foreach (var key in new[] { WorkflowApp.AuditorKey, WorkflowApp.ManagerKey })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(key).GetAsync("/api/concerns/report?quarter=2027-Q1")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(key).GetAsync("/api/concerns/report.csv?quarter=2027-Q1")).StatusCode);
        }
    }
}
