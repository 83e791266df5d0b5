using MimeKit;
using Workflow.Application.Email;
using Workflow.Infrastructure.Jobs;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Grievances;

/// <summary>The quarterly report e-mail to the officers: once per quarter, however many instances run the job.</summary>
public class QuarterlyReportMailTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] Officers = ["president@buyer.test", "audit-chair@buyer.test"];

    [Fact]
    public async Task TwoInstancesRunTheJob_OfficersGetOneReportPerQuarter_WithItsFigures()
    {
        await using var sink = new SmtpSink().Start();
        var settings = QuarterlyReportSteps.Settings(sink.Settings());
        for (var i = 0; i < Officers.Length; i++) settings[$"Grievance:Officers:{i}"] = Officers[i];
        using var first = new WorkflowApp(settings: settings);
        var owner = first.ClientFor(WorkflowApp.OwnerKey);
        // 15 January 2027 on the first instance's clock: two concerns, one resolved two days later.
        var named = await owner.HandInAsync(new { description = "Smuggled ore.", smelter = "CID000999", reporterName = "Jonas Whistle", reporterEmail = "jonas@reporter.test" });
        await owner.HandInAsync(new { description = "Bribes at the border.", country = "Uganda" });
        first.Clock.Advance(TimeSpan.FromDays(2));
        await owner.MoveAsync(named.Id, "under-review", "Reading it");
        await owner.MoveAsync(named.Id, "resolved", "Smelter replaced by the supplier");
        // Started after the first: the first has migrated the database.
        using var second = new WorkflowApp(connectionString: first.ConnectionString, settings: settings);

        async Task RunBothOnAsync(DateTimeOffset day)
        {
            first.Clock.SetUtcNow(day);
            second.Clock.SetUtcNow(day);
            await Task.WhenAll(
                Task.Run(() => first.Service<ConcernQuarterlyReportJob>().RunAsync(CancellationToken.None)),
                Task.Run(() => second.Service<ConcernQuarterlyReportJob>().RunAsync(CancellationToken.None)));
            foreach (var app in new[] { first, second })
                while (await app.Service<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None) > 0) { }
        }
        List<MimeMessage> Reports() => sink.Messages.Where(m => m.Headers["X-Workflow-Kind"] == "concern-quarterly").ToList();

        await RunBothOnAsync(new DateTimeOffset(2027, 4, 1, 6, 0, 0, TimeSpan.Zero));
        var report = Assert.Single(Reports());
        Assert.Equal(Officers.Order(), report.To.Mailboxes.Select(m => m.Address).Order());
        Assert.Contains("2027-Q1", report.Subject);
        var body = report.TextBody;
        output.WriteLine($"Subject: {report.Subject}\n\n{body}");
        Assert.Contains("Concerns received: 2", body);
        Assert.Contains("By subject: smelter 1, country 1", body);
        Assert.Contains("Closed in the quarter: 1 (resolved 1, dismissed 0)", body);
        Assert.Contains("Smelter replaced by the supplier", body);
        Assert.Contains("/grievances/report?quarter=2027-Q1", body);
        Assert.DoesNotContain("Jonas", body);
        Assert.DoesNotContain("Smuggled", body);

        // The next day (a retry, a late instance): nothing new.
        await RunBothOnAsync(new DateTimeOffset(2027, 4, 2, 6, 0, 0, TimeSpan.Zero));
        Assert.Single(Reports());

        // The next quarter's first day: the report of Q2, a second e-mail.
        await RunBothOnAsync(new DateTimeOffset(2027, 7, 1, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, Reports().Count);
        Assert.Contains("2027-Q2", Reports()[1].Subject);
        Assert.Contains("Concerns received: 0", Reports()[1].TextBody);
    }
}
