using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;
using MimeKit;
using Workflow.Application.Email;

namespace Workflow.Infrastructure.Email.Inbound;

/// <summary>
/// An intake mailbox opened for reading: signed in with the configured TLS and pinned certificates, the inbox open
/// read-write, the processed folder there (created when missing). Shared by the CMRT intake and the grievance mailbox.
/// </summary>
public sealed class IntakeMailbox : IDisposable
{
    private IntakeMailbox(ImapClient client, IMailFolder inbox, IMailFolder processed) => (Client, Inbox, Processed) = (client, inbox, processed);

    public ImapClient Client { get; }
    public IMailFolder Inbox { get; }
    public IMailFolder Processed { get; }

    public static async Task<IntakeMailbox> OpenAsync(ImapOptions options, CancellationToken ct)
    {
        var client = new ImapClient { ServerCertificateValidationCallback = CertificateTrust.For(options.TrustedCertificateThumbprints) };
        try
        {
            await client.ConnectAsync(options.Host!, options.Port, options.TlsMode.ToMailKit(), ct);
            if (!string.IsNullOrEmpty(options.Username)) await client.AuthenticateAsync(options.Username, options.Password ?? "", ct);
            var inbox = await client.GetFolderAsync(options.Folder, ct);
            await inbox.OpenAsync(FolderAccess.ReadWrite, ct);
            return new IntakeMailbox(client, inbox, await EnsureFolderAsync(client, options.ProcessedFolder, ct));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public Task CloseAsync(CancellationToken ct) => Client.DisconnectAsync(quit: true, ct);

    /// <summary>
    /// Hands every unflagged mail to <paramref name="handle"/>, one at a time: a mail it handled (null) is moved to the
    /// processed folder; one it could not take (why, or an exception) stays in the inbox, flagged for a person.
    /// </summary>
    /// <param name="uidDomain">Appended to the Message-ID made up for a mail without one (mailbox UIDVALIDITY and UID).</param>
    public async Task<IntakeReport> TakeEachAsync(Func<IncomingMail, CancellationToken, Task<string?>> handle, string? uidDomain, ILogger logger,
        CancellationToken ct)
    {
        int processed = 0, flagged = 0;
        foreach (var uid in await Inbox.SearchAsync(SearchQuery.NotFlagged.And(SearchQuery.NotDeleted), ct))
        {
            // The bytes as the server holds them, parsed here: a parsed message written out again need not be the same bytes.
            var raw = await ReadRawAsync(uid, ct);
            var message = await MimeMessage.LoadAsync(new MemoryStream(raw, writable: false), ct);
            // A mail without a Message-ID is still told apart from every other: by the mailbox's UIDVALIDITY and its UID.
            var messageId = message.MessageId ?? $"uid-{Inbox.UidValidity}-{uid.Id}" + (uidDomain is null ? "" : "@" + uidDomain);
            string? problem;
            try
            {
                problem = await handle(new IncomingMail(message, raw, messageId), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Mail {MessageId} could not be taken; left flagged for a person", messageId);
                problem = e.Message;
            }
            if (problem is null)
            {
                await Inbox.MoveToAsync(uid, Processed, ct);
                processed++;
            }
            else
            {
                await Inbox.AddFlagsAsync(uid, MessageFlags.Flagged, silent: true, ct);
                flagged++;
            }
        }
        return new IntakeReport(processed, flagged);
    }

    private async Task<byte[]> ReadRawAsync(UniqueId uid, CancellationToken ct)
    {
        await using var stream = await Inbox.GetStreamAsync(uid, ct);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    public void Dispose() => Client.Dispose();

    private static async Task<IMailFolder> EnsureFolderAsync(ImapClient client, string name, CancellationToken ct)
    {
        try { return await client.GetFolderAsync(name, ct); }
        catch (FolderNotFoundException)
        {
            var root = await client.GetFolderAsync(client.PersonalNamespaces[0].Path, ct);
            return await root.CreateAsync(name, isMessageFolder: true, ct) ?? throw new InvalidOperationException($"IMAP folder {name} could not be created.");
        }
    }
}

/// <summary>A mail as the server holds it (<see cref="Raw"/>), parsed, with the Message-ID it is known by.</summary>
public sealed record IncomingMail(MimeMessage Message, byte[] Raw, string MessageId);
