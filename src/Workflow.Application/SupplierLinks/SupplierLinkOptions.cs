namespace Workflow.Application.SupplierLinks;

/// <summary>Section "SupplierLinks": the signed upload links in supplier e-mails.</summary>
public sealed class SupplierLinkOptions
{
    public const string Section = "SupplierLinks";
    /// <summary>HMAC-SHA256 key (any string, 32+ characters). Empty = one key shared by every instance through PostgreSQL (<see cref="SharedSigningKey"/>).</summary>
    public string? SigningKey { get; set; }
    /// <summary>How long a link works after the e-mail that carries it was sent.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(60);
}
