using Microsoft.Extensions.Options;
using MailKit;
using Microsoft.Extensions.Logging;
using MimeKit;
using Npgsql;
using Workflow.Cmrt.Reading;
using Workflow.Application.Bounces;
using Workflow.Application.Submissions;
using Workflow.Application.Email;
using Workflow.Application.Records;
using Workflow.Infrastructure.Email;

namespace Workflow.Infrastructure.Email.Inbound;

/// <summary>
/// Reads the intake mailbox: every unflagged mail with a CMRT attachment that matches a case is submitted like an
/// upload (channel "email") and moved to the processed folder; anything else stays where it is, flagged for a person.
/// A delivery status notification is no reply: <see cref="BounceIntake"/> keeps it on its case and marks the address.
/// </summary>
/// <remarks>
/// Mail handled before is recognised by its Message-ID, so a crash between submitting and moving does not submit twice.
/// Mail matched to a case is kept whole (the bytes the server holds, attachments included) in the case's message
/// records, whether or not its attachment could be taken; mail matched to no case stays in the mailbox, flagged.
/// </remarks>
public sealed class ImapIntake(IOptionsMonitor<ImapOptions> imapOptions, InboundMatcher matcher, SubmissionService submissions, NpgsqlDataSource db,
    TimeProvider clock, IOptionsMonitor<UploadOptions> uploadOptions, MessageRecordStore records, BounceIntake bounceIntake, ILogger<ImapIntake> logger)
{
    private static readonly string[] WorkbookExtensions = [".xlsx", ".xls", ".xlsm"];

    public bool Enabled => !string.IsNullOrWhiteSpace(imapOptions.CurrentValue.Host);

    public async Task<IntakeReport> RunAsync(CancellationToken ct)
    {
        var options = imapOptions.CurrentValue;
        if (!Enabled) return new IntakeReport(0, 0);
        using var mailbox = await IntakeMailbox.OpenAsync(options, ct);
        var report = await mailbox.TakeEachAsync(async (mail, token) =>
        {
            var problem = await HandleAsync(mail.Message, mail.Raw, mail.MessageId, token);
            if (problem is not null)
                logger.LogWarning("Mail {MessageId} from {From} ('{Subject}') left flagged: {Problem}", mail.MessageId, mail.Message.From, mail.Message.Subject, problem);
            return problem;
        }, null, logger, ct);
        await mailbox.CloseAsync(ct);
        return report;
    }

    /// <summary>Null when the mail was handled (now or before); otherwise why a person must look at it.</summary>
    private async Task<string?> HandleAsync(MimeMessage message, byte[] raw, string messageId, CancellationToken ct)
    {
        if (await SeenAsync(messageId, ct)) return null;
        if (DeliveryReport.Read(message) is { } report)
        {
            var bounce = await bounceIntake.HandleAsync(message, raw, messageId, report, ct);
            if (bounce is { Problem: null, CaseId: { } bounced }) await RememberAsync(messageId, bounced, bounce.Remembered, ct);
            return bounce.Problem;
        }
        var match = await matcher.MatchAsync(message, ct);
        // Kept before anything is submitted: what the supplier wrote belongs to the case even when a person has to sort it out.
        if (match is not null) await records.KeepInboundAsync(match.CaseId, RecordedMessage.Of(message, raw, messageId), ct);
        var workbooks = message.Attachments.OfType<MimePart>()
            .Where(p => p.FileName is { } f && WorkbookExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (workbooks.Count == 0) return "no CMRT workbook attached";
        if (match is null) return "no case matches the recipient, subject or sender";

        var sender = message.From.Mailboxes.FirstOrDefault()?.Address ?? "unknown";
        // Every attachment is checked before any is submitted, so a mail is either taken whole or left whole for a person.
        var files = new List<(string Name, string ContentType, byte[] Content)>();
        foreach (var part in workbooks)
        {
            using var buffer = new MemoryStream();
            await part.Content!.DecodeToAsync(buffer, ct);
            if (buffer.Length > uploadOptions.CurrentValue.MaxBytes) return $"attachment '{part.FileName}' is larger than Uploads:MaxBytes";
            var content = buffer.ToArray();
            if (FileRecognition.Recognise(content) is { IsWorkbook: false } foreign)
                return $"attachment '{part.FileName}' is {foreign.Description}, not an Excel workbook";
            files.Add((Path.GetFileName(part.FileName!), part.ContentType.MimeType, content));
        }
        string outcome = "";
        foreach (var (name, contentType, content) in files)
        {
            SubmissionResult result;
            try
            {
                result = await submissions.SubmitAsync(match.CaseId, name, contentType, content, $"supplier:{sender}", SubmissionChannels.Email, ct);
            }
            catch (UploadRefusedException e)
            {
                return e.Message;
            }
            outcome = result.Evaluation.Outcome.ToString();
            logger.LogInformation("Mail {MessageId}: '{File}' submitted to {Reference} (matched by {By}): {Outcome}",
                messageId, name, match.Reference, match.By, outcome);
        }
        await RememberAsync(messageId, match.CaseId, outcome, ct);
        return null;
    }

    private async Task<bool> SeenAsync(string messageId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select 1 from workflow.inbound_messages where message_id = @id");
        cmd.Parameters.AddWithValue("id", messageId);
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    private async Task RememberAsync(string messageId, Guid caseId, string outcome, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            insert into workflow.inbound_messages (message_id, case_id, received_at, outcome) values (@id, @case, @at, @outcome)
            on conflict do nothing
            """);
        cmd.Parameters.AddWithValue("id", messageId);
        cmd.Parameters.AddWithValue("case", caseId);
        cmd.Parameters.AddWithValue("at", clock.GetUtcNow());
        cmd.Parameters.AddWithValue("outcome", outcome);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
