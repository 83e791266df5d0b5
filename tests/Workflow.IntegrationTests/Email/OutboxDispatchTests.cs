using Microsoft.Extensions.Options;
using Workflow.StateMachines;
using Workflow.Tests.Shared;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Api.FollowUp;
using Workflow.Infrastructure.Jobs;
using Workflow.Domain.Cases;
using Workflow.Application.Cases;
using Workflow.Infrastructure.Email;
using Workflow.Application.Email;
using Workflow.Application.Submissions;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Email;

/// <summary>The outbox and its dispatcher against a real SMTP server (SmtpServer package) on loopback.</summary>
public partial class OutboxDispatchTests
{
    private static WorkflowApp AppWith(SmtpSink? sink, Dictionary<string, string?>? more = null, bool manual = true)
    {
        var settings = manual ? FollowUpSteps.Manual() : new Dictionary<string, string?>();
        foreach (var (k, v) in sink?.Settings() ?? []) settings[k] = v;
        foreach (var (k, v) in more ?? []) settings[k] = v;
        return new WorkflowApp(settings: settings);
    }

    private static async Task<int> DrainAsync(OutboxDispatcher dispatcher)
    {
        int sent, total = 0;
        while ((sent = await dispatcher.DispatchOnceAsync(CancellationToken.None)) > 0) total += sent;
        return total;
    }

    [Fact]
    public async Task Survey_ReachesSupplierOverSmtp_WithSignedLink_InTheSuppliersLanguage()
    {
        await using var sink = new SmtpSink().Start();
        using var app = AppWith(sink, manual: false);
        var english = (await app.LaunchAsync(1, "english"))[0];
        var german = (await app.LaunchAsync(1, "deutsch", language: "de"))[0];

        var messages = await sink.WaitForAsync(m => m.Count >= 2);

        var en = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == "english1@supplier.test");
        var de = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == "deutsch1@supplier.test");
        Assert.StartsWith("Conflict minerals declaration (CMRT) requested", en.Subject);
        Assert.StartsWith("Bitte um Ihre Konfliktmineralien-Erklärung", de.Subject);
        Assert.Contains("Guten Tag Contact 1,", de.TextBody);
        Assert.Equal("survey", en.Headers["X-Workflow-Kind"]);
        Assert.StartsWith("outbox-", en.MessageId);

        // The link opens the supplier's own case, and only that one.
        var link = LinkIn(en.TextBody ?? "");
        // No public base URL set: the address the service listens on (the test host's configured 127.0.0.1:5080).
        Assert.StartsWith("http://127.0.0.1:5080/supplier/", link);
        var page = await app.CreateClient().GetStringAsync(new Uri(link).PathAndQuery);
        Assert.Contains("english 1 GmbH", page);
        Assert.DoesNotContain("deutsch", page);
        Assert.NotEqual(english, german);
    }

    [Fact]
    public async Task TwoDispatchers_ClaimDisjointRows_NothingSentTwice()
    {
        await using var sink = new SmtpSink().Start();
        using var app = AppWith(sink, new() { ["Email:BatchSize"] = "7" });
        await app.LaunchAsync(150, "pair");
        var first = app.Service<OutboxDispatcher>();
        // A second instance's dispatcher: its own transport (own SMTP connections), same database.
        var second = new OutboxDispatcher(app.Service<OutboxStore>(), app.Service<MessageRenderer>(),
            new SmtpMailTransport(new SmtpOptions { Host = "127.0.0.1", Port = sink.Port, TlsMode = MailTlsMode.None }),
            app.Service<IOptionsMonitor<EmailOptions>>(), app.Service<IOptionsMonitor<SmtpOptions>>(), NullLogger<OutboxDispatcher>.Instance);

        var sent = await Task.WhenAll(Task.Run(() => DrainAsync(first)), Task.Run(() => DrainAsync(second)));

        Assert.Equal(150, sent.Sum());
        Assert.True(sent.All(s => s > 0), $"both dispatchers should have worked: {sent[0]} and {sent[1]}");
        Assert.Equal(150, sink.Messages.Count);
        Assert.Equal(150, sink.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(150, await app.ScalarAsync("select count(*) from workflow.outbox where status = 'sent'"));
    }

    [Fact]
    public async Task SmtpDown_MessagesWaitWithBackoff_AndAreDeliveredWhenItReturns()
    {
        var port = SmtpSink.FreePort();
        await using var sink = new SmtpSink(port);
        using var app = AppWith(sink, new() { ["Email:RetryDelay"] = "00:00:10" });
        await app.LaunchAsync(3, "down");
        var dispatcher = app.Service<OutboxDispatcher>();

        Assert.Equal(0, await dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.Equal(3, await app.ScalarAsync("select count(*) from workflow.outbox where status = 'pending' and attempts = 1 and last_error is not null"));
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(CancellationToken.None));
        // Second failure: the wait doubles.
        app.Clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.Equal(3, await app.ScalarAsync("select count(*) from workflow.outbox where attempts = 2"));

        sink.Start();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, await DrainAsync(dispatcher));
        Assert.Equal(3, sink.Messages.Count);
    }

    [Fact]
    public async Task RelayWithStartTlsAndLogin_GetsMail_OnlyOverAVerifiedCertificate_AndWithTheRightPassword()
    {
        await using var sink = new SmtpSink(login: new SmtpLogin("cmrt-relay", "relay-password-1")).Start();

        using (var app = AppWith(sink))
        {
            await app.LaunchAsync(1, "tls");
            Assert.Equal(1, await DrainAsync(app.Service<OutboxDispatcher>()));
            Assert.Equal("tls1@supplier.test", Assert.Single(sink.Messages).To.Mailboxes.Single().Address);
        }

        // Each misconfiguration keeps the survey in the outbox with the reason, and the relay receives nothing.
        (string Setting, string? Value, string Error)[] refusals =
        [
            ("Smtp:TrustedCertificateThumbprints:0", new string('A', 64), "certificate"),
            ("Smtp:Password", "wrong-password", "authentic"),
            ("Smtp:TlsMode", "None", "authentication"),
        ];
        foreach (var (setting, value, error) in refusals)
        {
            using var app = AppWith(sink, new() { [setting] = value });
            await app.LaunchAsync(1, "refused");
            Assert.Equal(0, await DrainAsync(app.Service<OutboxDispatcher>()));
            Assert.True(1 == await app.ScalarAsync($"select count(*) from workflow.outbox where status = 'pending' and last_error ilike '%{error}%'"),
                $"{setting}={value}: expected a pending survey whose error mentions '{error}'");
        }
        Assert.Single(sink.Messages);
    }

    [Fact]
    public async Task HtmlAlternativeOff_SendsTextOnly()
    {
        await using var sink = new SmtpSink().Start();
        using var app = AppWith(sink, new() { ["Email:HtmlAlternative"] = "false" });
        await app.LaunchAsync(1, "plain");

        Assert.Equal(1, await DrainAsync(app.Service<OutboxDispatcher>()));

        var mail = Assert.Single(sink.Messages);
        Assert.Null(mail.HtmlBody);
        Assert.Equal("text/plain", mail.Body?.ContentType.MimeType);
        Assert.Contains("/supplier/", mail.TextBody);
    }

    [Fact]
    public async Task WithoutSmtp_MessagesBecomeEmlFiles_OncePerMessageEvenWhenResent()
    {
        using var app = AppWith(null);
        await app.LaunchAsync(2, "eml");
        var folder = Assert.IsType<EmlFileTransport>(app.Service<IMailTransport>()).Folder;

        Assert.Equal(2, await DrainAsync(app.Service<OutboxDispatcher>()));
        // As if the process had died after writing and before marking: the same messages go out again.
        await app.ScalarAsync("update workflow.outbox set status = 'pending', next_attempt_at = created_at returning 1");
        Assert.Equal(2, await DrainAsync(app.Service<OutboxDispatcher>()));

        var files = Directory.GetFiles(folder, "*.eml");
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.Contains("X-Workflow-Kind: survey", File.ReadAllText(f)));
    }

    [Fact]
    public async Task InvalidCmrt_CorrectionRequestListsEveryFinding()
    {
        await using var sink = new SmtpSink().Start();
        using var app = AppWith(sink);
        var c = (await app.LaunchAsync(1, "fix"))[0];
        var file = TestWorkbooks.Invalid();
        var result = await app.Service<SubmissionService>().SubmitAsync(c, "cmrt.xlsx", null, file, "supplier:fix1@supplier.test", "supplier-link", CancellationToken.None);
        Assert.Equal("Invalid", result.State);

        await DrainAsync(app.Service<OutboxDispatcher>());

        var mail = Assert.Single(sink.Messages, m => m.Headers["X-Workflow-Kind"] == "correction-request");
        Assert.NotEmpty(result.Evaluation.Findings);
        foreach (var f in result.Evaluation.Findings) Assert.Contains(f.Message, mail.TextBody);
        Assert.Contains("/supplier/", mail.TextBody);

        // The HTML alternative says the same, with the findings as a numbered list and the upload link clickable.
        Assert.Contains("<html lang=\"en\">", mail.HtmlBody);
        // Each finding is one list item; compared as text, since the encoder may spell an apostrophe &#39; or &#x27;.
        var items = Regex.Matches(mail.HtmlBody ?? "", "<li>(.*?)</li>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(result.Evaluation.Findings.Count, items.Count);
        foreach (var f in result.Evaluation.Findings) Assert.Contains(items, i => i.Contains(f.Message));
        var link = LinkIn(mail.TextBody ?? "");
        Assert.Contains($"<a href=\"{System.Net.WebUtility.HtmlEncode(link)}\">", mail.HtmlBody);
    }

    [Fact]
    public async Task Escalation_MailsManagementWithQueueLink_AndTheDigestGoesOutOncePerDay()
    {
        await using var sink = new SmtpSink().Start();
        using var app = AppWith(sink, new()
        {
            ["Notifications:ManagementRecipients:0"] = "vp@buyer.test",
            ["PublicBaseUrl"] = "https://cmrt.buyer.test/",
        });
        var c = (await app.LaunchAsync(1, "vp"))[0];
        await app.Service<CaseTransitions>().FireAsync(c, CaseIntention.Submit(SubmissionOutcome.RedFlag), new TransitionCause("system", "smelter in a covered country"));
        var digest = app.Service<EscalationDigestJob>();
        Assert.True(await digest.RunAsync(CancellationToken.None));
        Assert.False(await digest.RunAsync(CancellationToken.None));

        await DrainAsync(app.Service<OutboxDispatcher>());

        var escalation = Assert.Single(sink.Messages, m => m.Headers["X-Workflow-Kind"] == "escalation");
        Assert.Equal("vp@buyer.test", escalation.To.Mailboxes.Single().Address);
        Assert.Contains("smelter in a covered country", escalation.TextBody);
        Assert.Contains("https://cmrt.buyer.test/escalations", escalation.TextBody);
        var daily = Assert.Single(sink.Messages, m => m.Headers["X-Workflow-Kind"] == "daily-digest");
        Assert.Contains("vp 1 GmbH", daily.TextBody);
        Assert.StartsWith("Open escalations: 1", daily.Subject);
    }

    private static string LinkIn(string body) => Link().Match(body).Value;

    [GeneratedRegex(@"http\S+/supplier/\S+")]
    private static partial Regex Link();
}
