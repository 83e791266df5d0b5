namespace Workflow.Application.Email;

/// <summary>Section "Smtp": the relay mail goes out through. Empty Host = write .eml files instead (embedded default).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public MailTlsMode TlsMode { get; set; } = MailTlsMode.StartTls;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Conflict Minerals Compliance <cmrt@example.com>";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>
    /// Send commands without waiting for each reply when the relay offers it. Turn off for relays that answer pipelined
    /// commands in separate TCP writes (e.g. the SmtpServer test package): Nagle then costs about 40 ms a message.
    /// </summary>
    public bool Pipelining { get; set; } = true;
    /// <summary>
    /// SHA-256 (or SHA-1) thumbprints of relay certificates to trust besides the system's CAs: a private CA or a
    /// self-signed relay. Any other certificate that fails validation is refused.
    /// </summary>
    public string[] TrustedCertificateThumbprints { get; set; } = [];
}
