using System.Net.Http.Json;
using System.Text.Json;
using MailKit;
using MimeKit;
using Workflow.Application.Email;
using Workflow.Infrastructure.Email.Inbound;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Grievances;

/// <summary>Concerns mailed to the grievance mailbox, against a real Dovecot server and a real SMTP sink.</summary>
public class GrievanceMailboxTests
{
    private const string Forwarder = "gateway@hotline-provider.test";

    private static Dictionary<string, string?> SettingsFor(DovecotServer dovecot, SmtpSink sink)
    {
        // The Dovecot helper speaks of the CMRT mailbox (Imap:…); the same server serves as the grievance mailbox here.
        var settings = QuarterlyReportSteps.Settings(sink.Settings());
        foreach (var (key, value) in dovecot.Settings("concerns@buyer.test"))
            settings[key.Replace("Imap:", "Grievance:Mailbox:")] = value;
        settings["Grievance:Mailbox:Cron"] = "0 0 1 1 *";
        settings["Grievance:Mailbox:AnonymousForwarders:0"] = Forwarder;
        settings["Grievance:Officers:0"] = "counsel@buyer.test";
        return settings;
    }

    private static MimeMessage Mail(string from, string subject, string? text, string? html = null)
    {
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        var m = new MimeMessage { Subject = subject };
        m.From.Add(MailboxAddress.Parse(from));
        m.To.Add(MailboxAddress.Parse("concerns@buyer.test"));
        m.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("reporter.test");
        m.Body = body.ToMessageBody();
        return m;
    }

    [Fact]
    public async Task Mail_BecomesAConcern_OfficersAreTold_AndRunningAgainCreatesNoSecond()
    {
        using var dovecot = new DovecotServer();
        await using var sink = new SmtpSink().Start();
        using var app = new WorkflowApp(settings: SettingsFor(dovecot, sink));
        var owner = app.ClientFor(WorkflowApp.OwnerKey);

        var named = Mail("Ana Reporter <ana@village.test>", "Children at the Kivu mine", "Children carry the ore at night.");
        var withFiles = new BodyBuilder { TextBody = "Children carry the ore at night." };
        withFiles.Attachments.Add("photo.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        withFiles.Attachments.Add("tool.exe", [(byte)'M', (byte)'Z', 0, 0, 0xFF, 0xFE]);
        named.Body = withFiles.ToMessageBody();
        await dovecot.AppendAsync(named);
        await dovecot.AppendAsync(Mail($"Hotline Gateway <{Forwarder}>", "Report 4711", null,
            "<html><head><style>p{color:red}</style></head><body><p>Armed guards at <b>the smelter</b> &amp; the road.</p><script>alert(1)</script></body></html>"));

        var intake = app.Service<GrievanceMailboxIntake>();
        Assert.Equal(new IntakeReport(2, 0), await intake.RunAsync(CancellationToken.None));

        var list = (await owner.GetFromJsonAsync<JsonElement[]>("/api/concerns"))!;
        Assert.Equal(2, list.Length);
        Assert.All(list, c => Assert.Equal("email", c.GetProperty("channel").GetString()));
        var details = new List<JsonElement>();
        foreach (var c in list) details.Add(await owner.GetFromJsonAsync<JsonElement>($"/api/concerns/{c.GetProperty("id").GetGuid()}"));
        var fromAna = Assert.Single(details, d => d.GetProperty("description").GetString()!.Contains("Kivu"));
        var description = fromAna.GetProperty("description").GetString()!;
        Assert.StartsWith("Subject: Children at the Kivu mine", description);
        Assert.Contains("Children carry the ore at night.", description);
        // The refused file is named in the concern, not dropped in silence; the accepted one is kept.
        Assert.Contains("'tool.exe' is not one of the accepted kinds of file", description);
        Assert.Equal("photo.png", Assert.Single(fromAna.GetProperty("files").EnumerateArray()).GetProperty("fileName").GetString());
        Assert.Equal("Ana Reporter", fromAna.GetProperty("reporter").GetProperty("name").GetString());
        Assert.Equal("ana@village.test", fromAna.GetProperty("reporter").GetProperty("email").GetString());

        var forwarded = Assert.Single(details, d => d.GetProperty("description").GetString()!.Contains("Report 4711"));
        Assert.False(forwarded.GetProperty("named").GetBoolean());
        var text = forwarded.GetProperty("description").GetString()!;
        Assert.Contains("Armed guards at the smelter & the road.", text);
        Assert.DoesNotContain("alert", text);
        Assert.DoesNotContain("color", text);

        // The officers hear of both, without the reporter.
        while (await app.Service<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None) > 0) { }
        var told = sink.Messages.Where(m => m.Headers["X-Workflow-Kind"] == "concern-received").ToList();
        Assert.Equal(2, told.Count);
        Assert.All(told, m => Assert.Equal("counsel@buyer.test", m.To.Mailboxes.Single().Address));
        Assert.All(told, m => Assert.DoesNotContain("ana@village.test", m.TextBody));

        // Both mails were moved; a second run finds nothing.
        using (var client = await dovecot.ConnectAsync())
        {
            await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
            Assert.Equal(0, client.Inbox.Count);
            var processed = await client.GetFolderAsync("Processed");
            await processed.OpenAsync(FolderAccess.ReadOnly);
            Assert.Equal(2, processed.Count);
        }
        Assert.Equal(new IntakeReport(0, 0), await intake.RunAsync(CancellationToken.None));

        // A crash after storing and before moving leaves the mail in the inbox: the next run moves it and creates nothing.
        await dovecot.AppendAsync(named);
        Assert.Equal(new IntakeReport(1, 0), await intake.RunAsync(CancellationToken.None));
        Assert.Equal(2, (await owner.GetFromJsonAsync<JsonElement[]>("/api/concerns"))!.Length);
    }
}
