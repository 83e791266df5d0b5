namespace Workflow.Application.SupplierLinks;

/// <summary>Section "SupplierLinks": the signed upload links in supplier e-mails.</summary>
public sealed class SupplierLinkOptions
{
    public const string Section = "SupplierLinks";
    /// <summary>HMAC-SHA256 key (any string, 32+ characters). Empty = one key shared by every instance through PostgreSQL (<see cref="SharedSigningKey"/>).</summary>
    public string? SigningKey { get; set; }
    /// <summary>
    /// An operator's override: how long a link works after the e-mail that carries it was sent. Unset (the default),
    /// a link works until the case's response due date, or the extended date, plus the supplier link grace days setting.
    /// </summary>
    public TimeSpan? Lifetime { get; set; }

    /// <summary>The lifetime of links made without a case's dates (<see cref="SupplierLinkSigner.Create(Guid)"/>).</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(60);
}
