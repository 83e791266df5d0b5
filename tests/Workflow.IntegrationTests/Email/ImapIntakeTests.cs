using Workflow.Tests.Shared;
using MailKit;
using MailKit.Search;
using MimeKit;
using Workflow.Application.Cases;
using Workflow.Infrastructure.Email.Inbound;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Email;

/// <summary>The IMAP intake against a real Dovecot server.</summary>
public class ImapIntakeTests
{
    private static MimeMessage Mail(string from, string to, string subject, bool withWorkbook = true)
    {
        var body = new BodyBuilder { TextBody = "Please find our CMRT attached." };
        if (withWorkbook) body.Attachments.Add("CMRT 2026.xlsx", TestWorkbooks.Invalid());
        var m = new MimeMessage { Subject = subject, Body = body.ToMessageBody() };
        m.From.Add(MailboxAddress.Parse(from));
        m.To.Add(MailboxAddress.Parse(to));
        m.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("supplier.test");
        return m;
    }

    // These tests run the intake themselves: the every-minute intake job must not read the mailbox first.
    private static Dictionary<string, string?> Manual(DovecotServer dovecot) =>
        FollowUpSteps.Manual(new Dictionary<string, string?>(dovecot.Settings()) { ["Imap:Cron"] = "0 0 1 1 *" });

    [Fact]
    public async Task Intake_MatchesByPlusAddressSubjectAndSender_MovesThem_AndLeavesTheRestFlagged()
    {
        using var dovecot = new DovecotServer();
        var settings = Manual(dovecot);
        using var app = new WorkflowApp(settings: settings);
        var cases = await app.LaunchAsync(3, "inbox");
        var queries = app.Service<CaseQueries>();
        var refs = new List<string>();
        foreach (var c in cases) refs.Add((await queries.GetAsync(c, CancellationToken.None))!.Reference);
        var emailOf2 = (await queries.GetAsync(cases[2], CancellationToken.None))!.SupplierEmail;

        await dovecot.AppendAsync(Mail("someone@other.test", $"cmrt+{refs[0]}@buyer.test", "our declaration"));
        await dovecot.AppendAsync(Mail("someone@other.test", "cmrt@buyer.test", $"Re: Second request: CMRT – {refs[1]}"));
        await dovecot.AppendAsync(Mail(emailOf2, "cmrt@buyer.test", "CMRT"));
        await dovecot.AppendAsync(Mail("stranger@unknown.test", "cmrt@buyer.test", "hello"));
        await dovecot.AppendAsync(Mail("someone@other.test", "cmrt@buyer.test", $"question about {refs[0]}", withWorkbook: false));

        var report = await app.Service<ImapIntake>().RunAsync(CancellationToken.None);

        Assert.Equal(new IntakeReport(3, 2), report);
        for (var i = 0; i < 3; i++)
        {
            var detail = await queries.GetAsync(cases[i], CancellationToken.None);
            var submission = Assert.Single(detail!.Submissions);
            Assert.Equal("email", submission.Channel);
            Assert.Equal("Invalid", detail.State);
        }
        using var client = await dovecot.ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        Assert.Equal(2, client.Inbox.Count);
        Assert.Equal(2, (await client.Inbox.SearchAsync(SearchQuery.Flagged)).Count);
        var processed = await client.GetFolderAsync("Processed");
        await processed.OpenAsync(FolderAccess.ReadOnly);
        Assert.Equal(3, processed.Count);

        // Flagged mail waits for a person; nothing is submitted twice.
        Assert.Equal(new IntakeReport(0, 0), await app.Service<ImapIntake>().RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Intake_AttachmentThatIsNotAWorkbook_LeftFlaggedForAPerson_NothingSubmittedAndNoMail()
    {
        using var dovecot = new DovecotServer();
        using var app = new WorkflowApp(settings: Manual(dovecot));
        var c = (await app.LaunchAsync(1, "imap-pdf"))[0];
        var reference = (await app.Service<CaseQueries>().GetAsync(c, CancellationToken.None))!.Reference;
        var before = await app.CaseAsync(c);
        var mailBefore = await app.OutboxKindsAsync(c);
        var mail = Mail("someone@other.test", $"cmrt+{reference}@buyer.test", "our declaration", withWorkbook: false);
        var body = new BodyBuilder { TextBody = "Attached." };
        body.Attachments.Add("CMRT 2026.xlsx", "%PDF-1.7\n1 0 obj\n"u8.ToArray());
        mail.Body = body.ToMessageBody();
        await dovecot.AppendAsync(mail);

        var report = await app.Service<ImapIntake>().RunAsync(CancellationToken.None);

        Assert.Equal(new IntakeReport(0, 1), report);
        Assert.Empty((await app.Service<CaseQueries>().GetAsync(c, CancellationToken.None))!.Submissions);
        Assert.Equal(before, await app.CaseAsync(c));
        Assert.Equal(mailBefore, await app.OutboxKindsAsync(c));
        using var client = await dovecot.ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        Assert.Single(await client.Inbox.SearchAsync(SearchQuery.Flagged));
    }

    [Fact]
    public async Task Intake_OverImplicitTls_ReadsTheMailbox_OnlyWhenTheServerCertificateIsTrusted()
    {
        using var dovecot = new DovecotServer(tls: true);
        using var app = new WorkflowApp(settings: Manual(dovecot));
        var c = (await app.LaunchAsync(1, "imaps"))[0];
        var reference = (await app.Service<CaseQueries>().GetAsync(c, CancellationToken.None))!.Reference;
        await dovecot.AppendAsync(Mail("someone@other.test", $"cmrt+{reference}@buyer.test", "our declaration"));

        // A certificate nobody pinned and no CA vouches for: the intake refuses to log in, and the mail stays.
        var untrusted = new Dictionary<string, string?>(Manual(dovecot)) { ["Imap:TrustedCertificateThumbprints:0"] = new string('B', 64) };
        using (var other = new WorkflowApp(app.ConnectionString, FollowUpSteps.Manual(untrusted)))
            await Assert.ThrowsAsync<MailKit.Security.SslHandshakeException>(() => other.Service<ImapIntake>().RunAsync(CancellationToken.None));

        Assert.Equal(new IntakeReport(1, 0), await app.Service<ImapIntake>().RunAsync(CancellationToken.None));
        Assert.Single((await app.Service<CaseQueries>().GetAsync(c, CancellationToken.None))!.Submissions);
    }
}
