using MailKit;
using MailKit.Net.Imap;
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
