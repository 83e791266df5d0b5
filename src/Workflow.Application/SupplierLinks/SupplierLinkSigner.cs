using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Application.SupplierLinks;

/// <summary>
/// Makes and checks the tokens of supplier upload links: base64url(case id, expiry) "." base64url(HMAC-SHA256).
/// A token is bound to one case and needs no database row, so links in old e-mails stop working on their own.
/// </summary>
public sealed class SupplierLinkSigner
{
    private const int PayloadLength = 16 + 8;
    private readonly Lazy<byte[]> _keySource;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _clock;

    public SupplierLinkSigner(byte[] key, TimeSpan lifetime, TimeProvider clock) : this(() => key, lifetime, clock) => _ = _keySource.Value;

    /// <summary>
    /// The key is fetched on first use: the shared key lives in a table that the start-up migration creates, and the
    /// services that sign links are built before the host starts.
    /// </summary>
    public SupplierLinkSigner(Func<byte[]> key, TimeSpan lifetime, TimeProvider clock)
    {
        _keySource = new Lazy<byte[]>(() =>
        {
            var k = key();
            return k.Length >= 16 ? k : throw new InvalidOperationException("SupplierLinks:SigningKey must be at least 16 bytes long.");
        }, LazyThreadSafetyMode.ExecutionAndPublication);
        (_lifetime, _clock) = (lifetime, clock);
    }

    private byte[] Key => _keySource.Value;

    public DateTimeOffset ExpiryOfNewLinks => _clock.GetUtcNow() + _lifetime;

    public string Create(Guid caseId) => Create(caseId, ExpiryOfNewLinks);

    public string Create(Guid caseId, DateTimeOffset expiresAt)
    {
        Span<byte> payload = stackalloc byte[PayloadLength];
        caseId.TryWriteBytes(payload[..16]);
        BinaryPrimitives.WriteInt64BigEndian(payload[16..], expiresAt.ToUnixTimeSeconds());
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(Key, payload));
    }

    /// <summary>
    /// A keyed hash of <paramref name="value"/> for storing without keeping it (a link, a client address): equal values
    /// give equal fingerprints, and nobody without the key can test guesses against them.
    /// </summary>
    public string Fingerprint(string purpose, string value) =>
        Convert.ToHexString(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes($"{purpose}\n{value}")), 0, 16).ToLowerInvariant();

    public LinkCheck Verify(string token)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0) return new LinkCheck(LinkStatus.Tampered);
        byte[] payload, mac;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException) { return new LinkCheck(LinkStatus.Tampered); }
        if (payload.Length != PayloadLength || !CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(Key, payload)))
            return new LinkCheck(LinkStatus.Tampered);
        var caseId = new Guid(payload.AsSpan(0, 16));
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16)));
        return expires <= _clock.GetUtcNow() ? new LinkCheck(LinkStatus.Expired, caseId, expires) : new LinkCheck(LinkStatus.Valid, caseId, expires);
    }
}
