using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;

namespace Workflow.Application.Bounces;

/// <summary>
/// A delivery status notification (RFC 3464: <c>multipart/report; report-type=delivery-status</c>) as the intake needs
/// it: which recipients failed for good, which are only delayed, and the headers of the message that was returned.
/// </summary>
/// <param name="Recipients">One entry per per-recipient group of the report, whatever its action.</param>
/// <param name="Original">The returned message's headers: the whole message (<c>message/rfc822</c>) or only its headers
/// (<c>text/rfc822-headers</c>), as relays differ; null when the report returned neither.</param>
/// <param name="ArrivedAt">The per-message Arrival-Date, when the reporting server gave one.</param>
public sealed partial record DeliveryReport(IReadOnlyList<DeliveryOutcome> Recipients, HeaderList? Original, DateTimeOffset? ArrivedAt)
{
    public IEnumerable<DeliveryOutcome> Failed => Recipients.Where(r => r.IsPermanentFailure);

    /// <summary>The report in <paramref name="message"/>, or null when the mail is not a delivery status notification.</summary>
    public static DeliveryReport? Read(MimeMessage message)
    {
        if (Find(message.Body) is not { } report) return null;
        var status = report.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (status is null) return null;
        // text/rfc822-headers is a MessagePart in MimeKit too: its message has the headers and no body.
        var original = report.OfType<MessagePart>().FirstOrDefault()?.Message?.Headers;
        var groups = status.StatusGroups;
        DateTimeOffset? arrived = groups.Count > 0 && groups[0]["Arrival-Date"] is { } date
            && MimeKit.Utils.DateUtils.TryParse(date, out var d) ? d.ToUniversalTime() : null;
        var recipients = groups.Skip(1).Select(Outcome).Where(o => o is not null).Select(o => o!).ToList();
        return new DeliveryReport(recipients, original, arrived);
    }

    /// <summary>The multipart/report of the right type: the body itself, or nested in a multipart/mixed by some gateways.</summary>
    private static MultipartReport? Find(MimeEntity? entity) => entity switch
    {
        MultipartReport r when string.Equals(r.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase) => r,
        Multipart m => m.Select(Find).FirstOrDefault(r => r is not null),
        _ => null,
    };

    private static DeliveryOutcome? Outcome(HeaderList fields)
    {
        var final = Address(fields["Final-Recipient"]);
        var original = Address(fields["Original-Recipient"]);
        if (final is null && original is null) return null;
        return new DeliveryOutcome(final ?? original!, original, (fields["Action"] ?? "").Trim().ToLowerInvariant(),
            Clean(fields["Status"], 32), Clean(fields["Diagnostic-Code"], 2000));
    }

    /// <summary>"rfc822; someone@example.com" → someone@example.com; other address types (x400, utf-8 raw) as given.</summary>
    private static string? Address(string? field)
    {
        if (string.IsNullOrWhiteSpace(field)) return null;
        var value = field.Contains(';') ? field[(field.IndexOf(';') + 1)..] : field;
        value = value.Trim().Trim('<', '>').Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>Unfolded, control characters removed and capped: the text comes from a foreign server.</summary>
    private static string? Clean(string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = Whitespace().Replace(new string(value.Where(c => !char.IsControl(c) || c is '\t' or '\r' or '\n').ToArray()), " ").Trim();
        return text.Length <= max ? text : text[..max];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>The outbox row of a Message-ID the renderer made: outbox-{id}.{kind}.{occurrence}@domain.</summary>
    public static long? OutboxIdOf(string? messageId) =>
        messageId is not null && OutboxMessageId().Match(messageId) is { Success: true } m
            && long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    [GeneratedRegex(@"^<?outbox-(\d+)\.")]
    private static partial Regex OutboxMessageId();
}

/// <summary>What one recipient's group of a delivery report says.</summary>
/// <param name="Email">Final-Recipient (else Original-Recipient), without its address type.</param>
/// <param name="Action">failed, delayed, delivered, relayed or expanded (lower case).</param>
/// <param name="Status">The RFC 3463 code, e.g. 5.1.1.</param>
/// <param name="Diagnostic">The remote server's words, e.g. "smtp; 550 5.1.1 user unknown".</param>
public sealed record DeliveryOutcome(string Email, string? OriginalRecipient, string Action, string? Status, string? Diagnostic)
{
    /// <summary>Only "failed" is final (RFC 3464 2.3.3); "delayed" means the relay keeps trying.</summary>
    public bool IsPermanentFailure => Action == "failed";
}
