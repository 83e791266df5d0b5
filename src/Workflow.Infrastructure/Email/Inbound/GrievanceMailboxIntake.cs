using System.Text;
using MailKit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using Npgsql;
using Workflow.Application.Grievances;
using Workflow.Application.Submissions;
using Workflow.Domain.Grievances;

namespace Workflow.Infrastructure.Email.Inbound;

/// <summary>
/// Reads the grievance mailbox (Grievance:Mailbox): every unflagged mail becomes a concern by e-mail (its subject and
/// text, its acceptable attachments as files, the sender as the named reporter unless the mail came through an
/// anonymous forwarder) and is moved to the processed folder. A mail that cannot be taken stays, flagged for a person.
/// </summary>
/// <remarks>
/// The Message-ID is stored with the concern, so a crash between storing and moving the mail does not create it twice.
/// An attachment the public form would refuse is not dropped in silence: the description says which one and why, and
/// the mail itself stays in the processed folder.
/// </remarks>
public sealed class GrievanceMailboxIntake(IOptionsMonitor<GrievanceMailboxOptions> mailboxOptions, IOptionsMonitor<GrievanceOptions> grievanceOptions,
    IOptionsMonitor<UploadOptions> uploadOptions, ConcernStore store, NpgsqlDataSource db, ILogger<GrievanceMailboxIntake> logger)
{
    public const string Actor = "mailbox";

    public bool Enabled => !string.IsNullOrWhiteSpace(mailboxOptions.CurrentValue.Host);

    public async Task<IntakeReport> RunAsync(CancellationToken ct)
    {
        var options = mailboxOptions.CurrentValue;
        if (!Enabled) return new IntakeReport(0, 0);
        using var mailbox = await IntakeMailbox.OpenAsync(options, ct);
        var report = await mailbox.TakeEachAsync(async (mail, token) =>
        {
            var problem = await HandleAsync(mail.Message, mail.MessageId, options, token);
            // Not the sender nor the subject: they may identify a reporter, and logs are read by more people than concerns.
            if (problem is not null) logger.LogWarning("Grievance mail {MessageId} left flagged: {Problem}", mail.MessageId, problem);
            return problem;
        }, options.Host, logger, ct);
        await mailbox.CloseAsync(ct);
        return report;
    }

    /// <summary>Null when the mail is a concern now (or was before); otherwise why a person must look at it.</summary>
    private async Task<string?> HandleAsync(MimeMessage message, string messageId, GrievanceMailboxOptions options, CancellationToken ct)
    {
        if (await KnownAsync(messageId, ct)) return null;
        var limits = grievanceOptions.CurrentValue;
        var (files, refused) = await AttachmentsAsync(message, limits.MaxFiles, uploadOptions.CurrentValue.MaxBytes, ct);
        var sender = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        var forwarded = sender is not null && options.AnonymousForwarders.Any(f => string.Equals(f.Trim(), sender.Address, StringComparison.OrdinalIgnoreCase));
        var input = new ConcernInput
        {
            Channel = ConcernChannels.Email,
            Description = Description(message, refused, limits.MaxTextLength),
            ReporterName = forwarded || string.IsNullOrWhiteSpace(sender?.Name) ? null : Limit(sender.Name.Trim(), 200),
            ReporterEmail = forwarded || sender is null || !IsPlainAddress(sender.Address) ? null : sender.Address,
        };
        try
        {
            var created = await store.CreateAsync(input, files, ConcernChannels.Email, Actor, messageId, ct);
            logger.LogInformation("Grievance mail {MessageId} became concern {Reference} ({Files} files, {Refused} refused)",
                messageId, created.Reference, files.Count, refused.Count);
            return null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "concerns_message_id_key")
        {
            return null; // another reader took it in the meantime
        }
        catch (ConcernValidationException e)
        {
            return e.Message;
        }
    }

    /// <summary>The subject line, then the text (or the HTML as text), then the attachments that were not taken and why.</summary>
    private static string Description(MimeMessage message, IReadOnlyList<string> refused, int maxLength)
    {
        var body = message.TextBody is { Length: > 0 } text ? text
            : message.HtmlBody is { Length: > 0 } html ? HtmlText(html)
            : "";
        var sb = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(message.Subject)) sb.Append("Subject: ").Append(message.Subject.Trim()).Append("\n\n");
        sb.Append(body.Trim().Length == 0 ? "(The mail had no text.)" : body.Trim());
        if (refused.Count > 0)
        {
            sb.Append("\n\nAttachments not taken (the mail itself is kept in the grievance mailbox):");
            foreach (var r in refused) sb.Append("\n- ").Append(r);
        }
        const string cut = "\n\n[The mail was longer; the rest is in the grievance mailbox.]";
        return sb.Length <= maxLength ? sb.ToString() : sb.ToString(0, Math.Max(0, maxLength - cut.Length)) + cut;
    }

    /// <summary>Every attachment the public form accepts (up to Grievance:MaxFiles); the others with the reason they were refused.</summary>
    private static async Task<(List<ConcernAttachment> Files, List<string> Refused)> AttachmentsAsync(MimeMessage message, int maxFiles, long maxBytes,
        CancellationToken ct)
    {
        var files = new List<ConcernAttachment>();
        var refused = new List<string>();
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            using var buffer = new MemoryStream();
            if (part.Content is not null) await part.Content.DecodeToAsync(buffer, ct);
            var file = new ConcernAttachment(part.FileName ?? "attachment", part.ContentType.MimeType, buffer.ToArray());
            if (ConcernAttachments.Problem(file, maxBytes) is { } problem) refused.Add(problem);
            else if (files.Count >= maxFiles) refused.Add($"'{ConcernAttachments.SafeName(file.FileName)}': at most {maxFiles} files are taken from one mail.");
            else files.Add(file);
        }
        // Attached mails (forwarded as message/rfc822) are no files the form would take either: say so.
        foreach (var attached in message.Attachments.OfType<MessagePart>())
            refused.Add($"'{ConcernAttachments.SafeName(attached.ContentDisposition?.FileName ?? attached.Message?.Subject ?? "attached mail")}' is an attached e-mail, not one of the accepted kinds of file ({ConcernAttachments.Accepted}).");
        return (files, refused);
    }

    /// <summary>HTML as the text a person reads: blocks and line breaks become new lines; scripts, styles and tags go.</summary>
    public static string HtmlText(string html)
    {
        var sb = new StringBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html)) { DecodeCharacterReferences = true };
        var skipping = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head or HtmlTagId.Title:
                    if (tag.IsEndTag) skipping = Math.Max(0, skipping - 1);
                    else if (!tag.IsEmptyElement) skipping++;
                    break;
                case HtmlTagToken tag when tag.Id is HtmlTagId.Br:
                    sb.Append('\n');
                    break;
                case HtmlTagToken tag when IsBlock(tag.Id):
                    if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
                    if (tag.Id == HtmlTagId.LI && !tag.IsEndTag) sb.Append("- ");
                    break;
                case HtmlDataToken data when skipping == 0 && token is not HtmlScriptDataToken:
                    sb.Append(data.Data); // character references already decoded by the tokenizer
                    break;
            }
        }
        // Runs of blank lines from nested blocks collapse to one.
        var lines = sb.ToString().Replace("\r", "").Split('\n').Select(l => l.TrimEnd());
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Trim().Length == 0 ? blank + 1 : 0;
            if (blank <= 1) result.Append(line).Append('\n');
        }
        return result.ToString().Trim();
    }

    private static bool IsBlock(HtmlTagId id) => id is HtmlTagId.P or HtmlTagId.Div or HtmlTagId.LI or HtmlTagId.UL or HtmlTagId.OL or HtmlTagId.TR
        or HtmlTagId.Table or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.H5 or HtmlTagId.H6 or HtmlTagId.BlockQuote
        or HtmlTagId.Pre or HtmlTagId.HR;

    private static bool IsPlainAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Length > 254) return false;
        try { return new System.Net.Mail.MailAddress(address).Address == address; }
        catch (FormatException) { return false; }
    }

    private static string Limit(string s, int max) => s.Length <= max ? s : s[..max];

    private async Task<bool> KnownAsync(string messageId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select 1 from workflow.concerns where message_id = @id");
        cmd.Parameters.AddWithValue("id", messageId);
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }
}
