namespace Workflow.Application.Email;

/// <summary>Section "Imap": the mailbox suppliers reply to. Empty Host = intake disabled.</summary>
/// <remarks>Not sealed: the grievance mailbox (<c>Grievance:Mailbox</c>) has the same settings and a few of its own.</remarks>
public class ImapOptions
{
    public const string Section = "Imap";
    public string? Host { get; set; }
    public int Port { get; set; } = 993;
    public MailTlsMode TlsMode { get; set; } = MailTlsMode.SslOnConnect;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string Folder { get; set; } = "INBOX";
    /// <summary>Where handled mail is moved (created if missing). Mail that could not be matched stays, flagged.</summary>
    public string ProcessedFolder { get; set; } = "Processed";
    /// <summary>The mailbox's own address, e.g. cmrt@example.com; outgoing supplier mail then replies to cmrt+C-000123@example.com.</summary>
    public string? Address { get; set; }
    /// <summary>How often the mailbox is read (cron, UTC).</summary>
    public string Cron { get; set; } = "* * * * *";
    /// <summary>As <c>Smtp:TrustedCertificateThumbprints</c>, for the IMAP server.</summary>
    public string[] TrustedCertificateThumbprints { get; set; } = [];
}
