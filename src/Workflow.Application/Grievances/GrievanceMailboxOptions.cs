using Workflow.Application.Email;

namespace Workflow.Application.Grievances;

/// <summary>
/// Section "Grievance:Mailbox": the mailbox concerns can be mailed to (e.g. concerns@example.com), read like the CMRT
/// intake mailbox (<see cref="ImapOptions"/>, same settings) but separate from it. Empty Host = no mailbox intake.
/// </summary>
public sealed class GrievanceMailboxOptions
{
    public const string Section = "Grievance:Mailbox";
    public string? Host { get; set; }
    public int Port { get; set; } = 993;
    public MailTlsMode TlsMode { get; set; } = MailTlsMode.SslOnConnect;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string Folder { get; set; } = "INBOX";
    /// <summary>Where mail turned into a concern is moved (created if missing). Mail that could not be taken stays, flagged.</summary>
    public string ProcessedFolder { get; set; } = "Processed";
    /// <summary>The mailbox's own address, for people to write to.</summary>
    public string? Address { get; set; }
    /// <summary>How often the mailbox is read (cron, UTC).</summary>
    public string Cron { get; set; } = "*/5 * * * *";
    /// <summary>As <c>Smtp:TrustedCertificateThumbprints</c>, for the IMAP server.</summary>
    public string[] TrustedCertificateThumbprints { get; set; } = [];
    /// <summary>
    /// Senders that forward concerns on someone else's behalf (an external hotline's mail gateway, a whistleblowing
    /// service): their mail becomes an anonymous concern, since the sender is not the reporter.
    /// </summary>
    public string[] AnonymousForwarders { get; set; } = [];
}
