using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailKit;
using MailKit.Search;
using MimeKit;
using MimeKit.Utils;
using Workflow.Application.Cases;
using Workflow.Domain.Security;
using Workflow.Infrastructure.Email.Inbound;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Pages;
using Workflow.IntegrationTests.Records;

namespace Workflow.IntegrationTests.Bounces;

/// <summary>Delivery status notifications (RFC 3464) in the intake mailbox (real Dovecot): bounced addresses and the contact-needed list.</summary>
public class BounceTests
{
    private const string Hostile = "smtp; 550 5.1.1 <script>alert('x')</script> Recipient address rejected & unknown";

    /// <summary>
    /// A report as a relay writes it: a human part, the machine-readable status, and the returned message, whole
    /// (message/rfc822) or its headers only (text/rfc822-headers).
    /// </summary>
    private static MimeMessage Report(MimeMessage original, string action, string recipient, bool headersOnly = false)
    {
        var report = new MultipartReport("delivery-status");
        report.Add(new TextPart("plain") { Text = "This is the mail system at host mx.supplier.test. Your message could not be delivered." });
        var status = new MessageDeliveryStatus();
        var perMessage = new HeaderList { { "Reporting-MTA", "dns; mx.supplier.test" }, { "Arrival-Date", DateUtils.FormatDate(original.Date) } };
        var perRecipient = new HeaderList
        {
            { "Final-Recipient", $"rfc822; {recipient}" },
            { "Original-Recipient", $"rfc822;{recipient}" },
            { "Action", action },
            { "Status", action == "failed" ? "5.1.1" : "4.4.1" },
            { "Diagnostic-Code", action == "failed" ? Hostile : "smtp; 451 4.4.1 try again later" },
        };
        status.StatusGroups.Add(perMessage);
        status.StatusGroups.Add(perRecipient);
        report.Add(status);
        if (headersOnly)
        {
            var headers = new MemoryStream();
            original.Headers.WriteTo(headers);
            headers.Position = 0;
            report.Add(new MimePart("text", "rfc822-headers") { Content = new MimeContent(headers) });
        }
        else report.Add(new MessagePart { Message = original });
        var dsn = new MimeMessage { Subject = "Undelivered Mail Returned to Sender", Body = report };
        dsn.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mx.supplier.test"));
        dsn.To.Add(MailboxAddress.Parse("cmrt@buyer.test"));
        dsn.MessageId = MimeUtils.GenerateMessageId("mx.supplier.test");
        return dsn;
    }

    /// <summary>The minute's intake job never runs: it would race the test's own reads of the mailbox.</summary>
    private static Dictionary<string, string?> Settings(DovecotServer dovecot) =>
        FollowUpSteps.Manual(new Dictionary<string, string?>(dovecot.Settings()) { ["Imap:Cron"] = "0 0 1 1 *" });

    /// <summary>The survey of the case exactly as the service sent it (its stored record), so the report returns the real headers.</summary>
    private static async Task<MimeMessage> SentSurveyAsync(WorkflowApp app, Guid caseId)
    {
        var sent = (await app.MessagesAsync(caseId)).Last(m => m.GetProperty("kind").GetString() == "survey");
        var raw = await app.ClientFor(WorkflowApp.AuditorKey).GetByteArrayAsync($"/api/messages/{sent.GetProperty("id").GetInt64()}/raw");
        return await MimeMessage.LoadAsync(new MemoryStream(raw));
    }

    private static async Task<JsonElement[]> ContactNeededAsync(WorkflowApp app, Guid campaign) =>
        await app.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{campaign}/contact-needed") ?? [];

    [Fact]
    public async Task FailedReport_MarksThePrimaryAddress_PutsTheCaseOnContactNeeded_SubmitsNothing_AndANewEmailTakesItOff()
    {
        using var dovecot = new DovecotServer();
        using var app = new WorkflowApp(settings: Settings(dovecot));
        var cases = await app.LaunchAsync(2, "bounce");
        await app.DrainOutboxAsync();
        var queries = app.Service<CaseQueries>();
        var bounced = (await queries.GetAsync(cases[0], CancellationToken.None))!;
        var delayed = (await queries.GetAsync(cases[1], CancellationToken.None))!;
        var survey = await SentSurveyAsync(app, bounced.Id);
        Assert.Equal(bounced.Reference, survey.Headers["X-Workflow-Case"]);

        await dovecot.AppendAsync(Report(survey, "failed", bounced.SupplierEmail));
        await dovecot.AppendAsync(Report(await SentSurveyAsync(app, delayed.Id), "delayed", delayed.SupplierEmail));
        // A report about a message the service never sent: a person looks at it.
        var stranger = new MimeMessage { Subject = "hello" };
        stranger.From.Add(MailboxAddress.Parse("someone@elsewhere.test"));
        stranger.To.Add(MailboxAddress.Parse("x@elsewhere.test"));
        stranger.MessageId = MimeUtils.GenerateMessageId("elsewhere.test");
        stranger.Body = new TextPart("plain") { Text = "hi" };
        await dovecot.AppendAsync(Report(stranger, "failed", "x@elsewhere.test"));

        var report = await app.Service<ImapIntake>().RunAsync(CancellationToken.None);

        Assert.Equal(new IntakeReport(2, 1), report);
        // Nothing submitted, no state changed: a bounce is no reply.
        foreach (var c in cases)
        {
            var detail = (await queries.GetAsync(c, CancellationToken.None))!;
            Assert.Empty(detail.Submissions);
            Assert.Equal("Surveyed", detail.State);
        }
        var entry = Assert.Single(await ContactNeededAsync(app, bounced.CampaignId));
        Assert.Equal(bounced.Id, entry.GetProperty("caseId").GetGuid());
        Assert.Equal(bounced.Reference, entry.GetProperty("reference").GetString());
        Assert.Equal(bounced.SupplierId, entry.GetProperty("supplierId").GetGuid());
        Assert.Equal(bounced.SupplierName, entry.GetProperty("supplierName").GetString());
        Assert.Equal(bounced.SupplierEmail, entry.GetProperty("email").GetString());
        Assert.Equal(Hostile, entry.GetProperty("diagnostic").GetString());
        Assert.Equal("5.1.1", entry.GetProperty("statusCode").GetString());
        Assert.Equal(DateTimeOffset.Parse(DateUtils.FormatDate(survey.Date), System.Globalization.CultureInfo.InvariantCulture),
            entry.GetProperty("bouncedAt").GetDateTimeOffset());

        // Both reports are kept on their case as what they are; the delayed one changed nothing else.
        Assert.Single(await app.MessagesAsync(bounced.Id), m => m.GetProperty("kind").GetString() == "delivery-report");
        Assert.Single(await app.MessagesAsync(delayed.Id), m => m.GetProperty("kind").GetString() == "delivery-report");
        Assert.Equal(1, await app.ScalarAsync("select count(*) from workflow.contact_bounces"));
        Assert.Equal(1, await app.ScalarAsync("select count(*) from workflow.contact_bounces where message_record_id is not null"));
        using (var client = await dovecot.ConnectAsync())
        {
            await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
            Assert.Single(await client.Inbox.SearchAsync(SearchQuery.Flagged));
            var processed = await client.GetFolderAsync("Processed");
            await processed.OpenAsync(FolderAccess.ReadOnly);
            Assert.Equal(2, processed.Count);
        }
        // Read again (as after a crash, or a person unflagging): no second bounce, no second record.
        await app.ExecuteAsync("delete from workflow.inbound_messages");
        using (var client = await dovecot.ConnectAsync())
        {
            var processed = await client.GetFolderAsync("Processed");
            await processed.OpenAsync(FolderAccess.ReadWrite);
            await processed.MoveToAsync(await processed.SearchAsync(SearchQuery.All), client.Inbox);
        }
        await app.Service<ImapIntake>().RunAsync(CancellationToken.None);
        Assert.Equal(1, await app.ScalarAsync("select count(*) from workflow.contact_bounces"));
        Assert.Single(await app.MessagesAsync(bounced.Id), m => m.GetProperty("kind").GetString() == "delivery-report");

        // The page lists it, the foreign server's words encoded; the dashboard links to it; the case page shows the bounce.
        var page = await PageClient.SignedInAsync(app, Roles.Auditor);
        var html = await page.GetHtmlAsync($"/campaigns/{bounced.CampaignId}/contact-needed");
        Assert.Contains($"href=\"/cases/{bounced.Id}\"", html);
        Assert.Contains(bounced.SupplierEmail, html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain(delayed.Reference, html);
        Assert.Contains($"href=\"/campaigns/{bounced.CampaignId}/contact-needed\"", await page.GetHtmlAsync($"/campaigns/{bounced.CampaignId}"));
        var casePage = await page.GetHtmlAsync($"/cases/{bounced.Id}");
        Assert.Contains("Bounced addresses", casePage);
        Assert.DoesNotContain("<script>alert", casePage);

        // A corrected e-mail resolves the bounce of the old one, by whoever changed it.
        var patched = await app.ClientFor(WorkflowApp.OwnerKey).PatchAsJsonAsync($"/api/suppliers/{bounced.SupplierId}", new { email = "orders@bounce1.test" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Empty(await ContactNeededAsync(app, bounced.CampaignId));
        Assert.Equal("apikey:owner", await app.ScalarTextAsync("select resolved_by from workflow.contact_bounces"));
        Assert.Contains("resolved", await page.GetHtmlAsync($"/cases/{bounced.Id}"));
    }

    [Fact]
    public async Task HeadersOnlyReport_FoundByMessageId_ABouncedCcContact_IsLeftOffTheCc_NotOnTheList_AndCanBeResolvedByHand()
    {
        using var dovecot = new DovecotServer();
        using var app = new WorkflowApp(settings: Settings(dovecot));
        var c = (await app.LaunchAsync(1, "cc-bounce"))[0];
        var detail = (await app.Service<CaseQueries>().GetAsync(c, CancellationToken.None))!;
        var owner = app.ClientFor(WorkflowApp.OwnerKey);
        Assert.Equal(HttpStatusCode.OK, (await owner.PatchAsJsonAsync($"/api/suppliers/{detail.SupplierId}",
            new { contactEmails = new[] { "ops@cc-bounce.test", "cfo@cc-bounce.test" } })).StatusCode);
        await app.DrainOutboxAsync();
        var survey = await SentSurveyAsync(app, c);
        Assert.Equal(["ops@cc-bounce.test", "cfo@cc-bounce.test"], survey.Cc.Mailboxes.Select(m => m.Address));
        // Only the headers come back, and without our case header: the Message-ID names the outbox row.
        survey.Headers.Remove("X-Workflow-Case");
        await dovecot.AppendAsync(Report(survey, "failed", "OPS@cc-bounce.test", headersOnly: true));

        Assert.Equal(new IntakeReport(1, 0), await app.Service<ImapIntake>().RunAsync(CancellationToken.None));

        Assert.Equal("ops@cc-bounce.test", await app.ScalarTextAsync("select email from workflow.contact_bounces where resolved_at is null"));
        // The primary still gets every message: not on the list.
        Assert.Empty(await ContactNeededAsync(app, detail.CampaignId));
        // The same survey sent again (as after a crash) leaves the bounced contact off the Cc, the other stays.
        await app.ExecuteAsync("update workflow.outbox set status = 'pending', next_attempt_at = created_at");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.DrainOutboxAsync();
        var again = await SentSurveyAsync(app, c);
        Assert.Equal(["cfo@cc-bounce.test"], again.Cc.Mailboxes.Select(m => m.Address));
        Assert.Equal(detail.SupplierEmail, Assert.Single(again.To.Mailboxes).Address);

        // Resolved by hand: owners only, with a reason.
        var auditor = app.ClientFor(WorkflowApp.AuditorKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/cases/{c}/contact-needed/resolve", new { reason = "phoned" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsJsonAsync($"/api/cases/{c}/contact-needed/resolve", new { reason = " " })).StatusCode);
        var resolve = await owner.PostAsJsonAsync($"/api/cases/{c}/contact-needed/resolve", new { reason = "ops mailbox restored, confirmed by phone" });
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        Assert.Equal(1, (await resolve.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resolved").GetInt32());
        Assert.Equal(0, await app.ScalarAsync("select count(*) from workflow.contact_bounces where resolved_at is null"));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsJsonAsync($"/api/cases/{Guid.NewGuid()}/contact-needed/resolve", new { reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task ImportChangingTheEmail_ResolvesTheBounce_AndAKeptAddressStaysBounced()
    {
        using var dovecot = new DovecotServer();
        using var app = new WorkflowApp(settings: Settings(dovecot));
        var c = (await app.LaunchAsync(1, "imp-bounce"))[0];
        var detail = (await app.Service<CaseQueries>().GetAsync(c, CancellationToken.None))!;
        await app.DrainOutboxAsync();
        await dovecot.AppendAsync(Report(await SentSurveyAsync(app, c), "failed", detail.SupplierEmail));
        await app.Service<ImapIntake>().RunAsync(CancellationToken.None);
        Assert.Single(await ContactNeededAsync(app, detail.CampaignId));
        var owner = app.ClientFor(WorkflowApp.OwnerKey);

        // The same address again (a name changed): still bounced.
        Assert.Equal(HttpStatusCode.OK, (await owner.PatchAsJsonAsync($"/api/suppliers/{detail.SupplierId}", new { name = "Renamed GmbH" })).StatusCode);
        Assert.Single(await ContactNeededAsync(app, detail.CampaignId));

        // The import keys the supplier by its e-mail, so the new address comes with a code the supplier gets first.
        Assert.Equal(HttpStatusCode.OK, (await owner.PatchAsJsonAsync($"/api/suppliers/{detail.SupplierId}", new { code = "IMP-1" })).StatusCode);
        await owner.ImportCsvAsync(detail.CampaignId, "code,name,email,country\nIMP-1,Renamed GmbH,new@imp-bounce.test,Germany\n");

        Assert.Empty(await ContactNeededAsync(app, detail.CampaignId));
        Assert.StartsWith("address removed from the supplier (import ", await app.ScalarTextAsync("select resolution from workflow.contact_bounces"));
    }
}
