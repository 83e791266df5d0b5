using MailKit;
using MimeKit;
using Workflow.Application.Cases;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Records;

/// <summary>Mail read from the intake mailbox (real Dovecot) kept whole on the case it was matched to.</summary>
public class InboundRecordTests
{
    private static MimeMessage Reply(string from, string to, string subject, params (string Name, byte[] Content)[] attachments)
    {
        var body = new BodyBuilder { TextBody = "Please find our CMRT attached, with our smelter letter." };
        foreach (var (name, content) in attachments) body.Attachments.Add(name, content);
        var m = new MimeMessage { Subject = subject, Body = body.ToMessageBody() };
        m.From.Add(MailboxAddress.Parse(from));
        m.To.Add(MailboxAddress.Parse(to));
        m.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("supplier.test");
        return m;
    }

    [Fact]
    public async Task ReplyMatchedToACase_IsKeptWhole_WithEveryAttachment_AsTheMailboxHeldIt()
    {
        using var dovecot = new DovecotServer();
        using var app = new WorkflowApp(settings: FollowUpSteps.Manual(dovecot.Settings()));
        var c = (await app.LaunchAsync(1, "inbound"))[0];
        var reference = (await app.Service<CaseQueries>().GetAsync(c, CancellationToken.None))!.Reference;
        var workbook = TestWorkbooks.Invalid();
        var letter = "%PDF-1.7\n% smelter letter\n"u8.ToArray();
        var reply = Reply("someone@supplier.test", $"cmrt+{reference}@buyer.test", "our declaration", ("CMRT 2026.xlsx", workbook), ("letter.pdf", letter));
        await dovecot.AppendAsync(reply);
        // Matched by the subject, without a workbook: kept on the case too, and left flagged for a person.
        var question = Reply("someone@supplier.test", "cmrt@buyer.test", $"question about {reference}");
        await dovecot.AppendAsync(question);
        // Matched to nothing: stays in the mailbox only.
        await dovecot.AppendAsync(Reply("stranger@unknown.test", "cmrt@buyer.test", "hello"));

        await app.Service<Workflow.Infrastructure.Email.Inbound.ImapIntake>().RunAsync(CancellationToken.None);

        var listed = await app.MessagesAsync(c);
        Assert.Equal(2, listed.Count);
        Assert.All(listed, m => Assert.Equal("inbound", m.GetProperty("direction").GetString()));
        Assert.All(listed, m => Assert.Equal("reply", m.GetProperty("kind").GetString()));
        Assert.Equal(0, await app.ScalarAsync("select count(*) from workflow.message_records where subject = 'hello'"));
        var kept = Assert.Single(listed, m => m.GetProperty("subject").GetString() == "our declaration");
        Assert.Equal(new[] { $"cmrt+{reference}@buyer.test" }, kept.To());

        var stored = await app.ClientFor(WorkflowApp.AuditorKey).GetByteArrayAsync($"/api/messages/{kept.GetProperty("id").GetInt64()}/raw");
        // Byte for byte what the server holds (now in the processed folder).
        using (var client = await dovecot.ConnectAsync())
        {
            var processed = await client.GetFolderAsync("Processed");
            await processed.OpenAsync(FolderAccess.ReadOnly);
            await using var held = await processed.GetStreamAsync(0);
            using var buffer = new MemoryStream();
            await held.CopyToAsync(buffer);
            Assert.Equal(buffer.ToArray(), stored);
        }
        var parsed = await MimeMessage.LoadAsync(new MemoryStream(stored));
        Assert.Equal(reply.MessageId, parsed.MessageId);
        var attachments = parsed.Attachments.OfType<MimePart>().ToDictionary(p => p.FileName!, Decoded);
        Assert.Equal(workbook, attachments["CMRT 2026.xlsx"]);
        Assert.Equal(letter, attachments["letter.pdf"]);

        // A second read (a person unflagged the question) keeps the first copy and adds none.
        using (var client = await dovecot.ConnectAsync())
        {
            await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
            await client.Inbox.RemoveFlagsAsync(await client.Inbox.SearchAsync(MailKit.Search.SearchQuery.All), MessageFlags.Flagged, silent: true, CancellationToken.None);
        }
        await app.Service<Workflow.Infrastructure.Email.Inbound.ImapIntake>().RunAsync(CancellationToken.None);
        Assert.Equal(2, (await app.MessagesAsync(c)).Count);
    }

    private static byte[] Decoded(MimePart part)
    {
        using var buffer = new MemoryStream();
        part.Content!.DecodeTo(buffer);
        return buffer.ToArray();
    }
}
