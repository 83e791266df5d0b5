using System.Net;
using MimeKit;
using Npgsql;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Records;

/// <summary>Outgoing e-mail kept exactly as the relay (or the .eml file) received it.</summary>
public class OutboundRecordTests
{
    [Fact]
    public async Task Survey_SentThroughTheRelay_IsStoredByteForByte_ListedForTheCase_AndDownloadableAsRfc822()
    {
        await using var sink = new SmtpSink().Start();
        using var app = new WorkflowApp(settings: FollowUpSteps.Manual(sink.Settings()));
        var c = (await app.LaunchAsync(1, "records"))[0];

        Assert.Equal(1, await app.DrainOutboxAsync());

        var received = Assert.Single(sink.Messages);
        var relayBytes = Assert.Single(sink.RawOf(received.MessageId!));
        var listed = Assert.Single(await app.MessagesAsync(c));
        Assert.Equal("survey", listed.GetProperty("kind").GetString());
        Assert.Equal("outbound", listed.GetProperty("direction").GetString());
        Assert.Equal(new[] { "records1@supplier.test" }, listed.To());
        Assert.Equal(received.Subject, listed.GetProperty("subject").GetString());
        Assert.Equal(app.Clock.GetUtcNow(), listed.GetProperty("sentAt").GetDateTimeOffset());

        var raw = await app.ClientFor(WorkflowApp.AuditorKey).GetAsync($"/api/messages/{listed.GetProperty("id").GetInt64()}/raw");
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal("message/rfc822", raw.Content.Headers.ContentType!.MediaType);
        var stored = await raw.Content.ReadAsByteArrayAsync();
        Assert.Equal(relayBytes, stored);

        // And it is the survey the supplier got, not merely equal bytes: same message, same link.
        var parsed = await MimeMessage.LoadAsync(new MemoryStream(stored));
        Assert.Equal(received.MessageId, parsed.MessageId);
        Assert.Equal(received.Subject, parsed.Subject);
        Assert.Equal(received.TextBody, parsed.TextBody);
        Assert.Contains("/supplier/", parsed.TextBody);
    }

    [Fact]
    public async Task WithoutARelay_TheRecordIsTheEmlFile_AndACopySentAgainIsASecondRecordWithTheSameMessageId()
    {
        using var app = new WorkflowApp(settings: FollowUpSteps.Manual());
        var c = (await app.LaunchAsync(1, "eml-record"))[0];
        var folder = Assert.IsType<Workflow.Infrastructure.Email.EmlFileTransport>(app.Service<Workflow.Application.Email.IMailTransport>()).Folder;

        Assert.Equal(1, await app.DrainOutboxAsync());
        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        var first = Assert.Single(await app.MessagesAsync(c));
        var stored = await app.ClientFor(WorkflowApp.OwnerKey).GetByteArrayAsync($"/api/messages/{first.GetProperty("id").GetInt64()}/raw");
        Assert.Equal(await File.ReadAllBytesAsync(file), stored);

        // As if the process had died after the relay took it and before the mark: the row is sent again. The outbox
        // row is changed by that; the first record is not, and the second copy has its own.
        await app.ExecuteAsync("update workflow.outbox set status = 'pending', next_attempt_at = created_at");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await app.DrainOutboxAsync());

        var both = await app.MessagesAsync(c);
        Assert.Equal(2, both.Count);
        Assert.Equal(first.GetProperty("id").GetInt64(), both[0].GetProperty("id").GetInt64());
        Assert.Equal(first.GetProperty("sentAt").GetDateTimeOffset(), both[0].GetProperty("sentAt").GetDateTimeOffset());
        Assert.Equal(both[0].GetProperty("messageId").GetString(), both[1].GetProperty("messageId").GetString());
        Assert.True(both[1].GetProperty("sentAt").GetDateTimeOffset() > both[0].GetProperty("sentAt").GetDateTimeOffset());
        Assert.Equal(stored, await app.ClientFor(WorkflowApp.OwnerKey).GetByteArrayAsync($"/api/messages/{first.GetProperty("id").GetInt64()}/raw"));
    }

    [Fact]
    public async Task StoredMessagesAndSubmissions_CannotBeChangedOrDeleted_EvenWithSql()
    {
        using var app = new WorkflowApp(settings: FollowUpSteps.Manual());
        var c = (await app.LaunchAsync(1, "immutable"))[0];
        await app.DrainOutboxAsync();
        await app.Service<Workflow.Application.Submissions.SubmissionService>().SubmitAsync(c, "cmrt.xlsx", null, TestWorkbooks.Invalid(),
            "supplier:immutable1@supplier.test", "supplier-link", CancellationToken.None);
        var before = await app.ScalarTextAsync("select string_agg(sha256 || subject, ',' order by id) from workflow.message_records");
        Assert.NotNull(before);

        string[] refused =
        [
            "update workflow.message_records set subject = 'changed'",
            "update workflow.message_records set raw = 'x'::bytea",
            "delete from workflow.message_records",
            "truncate workflow.message_records",
            "update workflow.submissions set outcome = 'Accepted'",
            "update workflow.submissions set content = 'x'::bytea",
            "delete from workflow.submissions",
            "truncate workflow.submissions cascade",
        ];
        foreach (var sql in refused)
        {
            var e = await Assert.ThrowsAsync<PostgresException>(() => app.ExecuteAsync(sql));
            Assert.Contains("stored record", e.MessageText);
        }

        Assert.Equal(before, await app.ScalarTextAsync("select string_agg(sha256 || subject, ',' order by id) from workflow.message_records"));
        Assert.Equal(1, await app.ScalarAsync("select count(*) from workflow.submissions where outcome <> 'Accepted'"));
    }
}
