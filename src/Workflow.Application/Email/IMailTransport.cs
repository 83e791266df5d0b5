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
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
