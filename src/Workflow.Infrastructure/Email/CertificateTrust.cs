using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Workflow.Application.Email;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// Server certificates for SMTP and IMAP: the system's trust store as usual, plus certificates pinned by thumbprint in
/// configuration, for relays behind a private CA or with a self-signed certificate. Never "accept anything": a company
/// mail relay that cannot be verified is exactly where supplier links and findings would leak.
/// </summary>
public static class CertificateTrust
{
    /// <summary>Null (MailKit's default validation) when nothing is pinned.</summary>
    public static RemoteCertificateValidationCallback? For(IReadOnlyCollection<string>? pinnedThumbprints)
    {
        var pinned = (pinnedThumbprints ?? []).Select(Normalise).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (pinned.Count == 0) return null;
        return (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None
            || certificate is not null && (pinned.Contains(Sha256(certificate)) || pinned.Contains(Normalise(certificate.GetCertHashString())));
    }

    /// <summary>The SHA-256 thumbprint as configuration takes it: hex, upper case.</summary>
    public static string Sha256(X509Certificate certificate) => Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));

    // "AB:CD:…", "ab cd …" and "abcd…" are all the same thumbprint.
    private static string Normalise(string thumbprint) =>
        new(thumbprint.Where(Uri.IsHexDigit).Select(char.ToUpperInvariant).ToArray());
}
