using MimeKit;

namespace Workflow.Application.Email;

/// <summary>Where rendered mail goes: an SMTP relay, or .eml files when none is configured.</summary>
public interface IMailTransport
{
    /// <summary>Opens a session for a batch (one SMTP connection); throws when the relay cannot be reached.</summary>
    Task<IMailSession> OpenAsync(CancellationToken ct);
}

public interface IMailSession : IAsyncDisposable
{
    /// <summary>
    /// Hands the message over and returns the bytes handed over, exactly as the relay (or the .eml file) received them:
    /// they are the record of what was sent. Only the transport knows them (line endings, hidden Bcc, the encodings it
    /// chose for the relay's extensions).
    /// </summary>
    Task<byte[]> SendAsync(MimeMessage message, CancellationToken ct);
}
