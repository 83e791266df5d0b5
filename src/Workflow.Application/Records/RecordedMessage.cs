using System.Security.Cryptography;
using MimeKit;

namespace Workflow.Application.Records;

/// <summary>
/// A message's bytes exactly as sent or received, with the few headers the case page lists read from it once, when
/// it is stored (the bytes are the record; the columns only save parsing them for every listing).
/// </summary>
public sealed record RecordedMessage(string MessageId, string Subject, string? From, IReadOnlyList<string> To, DateTimeOffset? Date, byte[] Raw)
{
    public int SizeBytes => Raw.Length;
    public string Sha256 => Convert.ToHexString(SHA256.HashData(Raw)).ToLowerInvariant();

    /// <param name="message">The parsed or sent message the bytes are of.</param>
    /// <param name="messageId">The Message-ID the caller keys the message by (the intake makes one up when it has none).</param>
    public static RecordedMessage Of(MimeMessage message, byte[] raw, string messageId) => new(
        messageId,
        message.Subject ?? "",
        message.From.Mailboxes.FirstOrDefault()?.Address,
        message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address).ToList(),
        // MimeKit reports a missing Date header as DateTimeOffset.MinValue; PostgreSQL takes timestamptz only in UTC from Npgsql.
        message.Headers.Contains(HeaderId.Date) ? message.Date.ToUniversalTime() : null,
        raw);
}
