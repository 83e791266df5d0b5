using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Cmrt.Reading.Workbook;

/// <summary>
/// ECMA-376 "Standard" encryption ([MS-OFFCRYPTO] 2.3.4.5–2.3.4.9: AES-ECB, SHA-1, 50,000 spins), the form of the
/// VelvetSweatshop-protected .xlsx CMRTs. Decrypting here lets those files take the fast .xlsx path; other forms
/// (Agile, RC4) return null and go to ExcelDataReader.
/// </summary>
internal static class StandardEncryption
{
    private const int SpinCount = 50_000;

    /// <summary>The decrypted package, or null when the encryption is not Standard AES (the caller falls back).</summary>
    /// <exception cref="UnreadableWorkbookException">The password does not open the file.</exception>
    public static byte[]? TryDecrypt(byte[] encryptionInfo, byte[] encryptedPackage, string password)
    {
        var info = encryptionInfo.AsSpan();
        if (info.Length < 8) return null;
        var (major, minor) = (BinaryPrimitives.ReadUInt16LittleEndian(info), BinaryPrimitives.ReadUInt16LittleEndian(info[2..]));
        if (major is not (2 or 3 or 4) || minor != 2) return null;
        var headerSize = BinaryPrimitives.ReadInt32LittleEndian(info[8..]);
        if (headerSize < 32 || 12 + headerSize + 4 + 16 + 16 + 4 + 32 > info.Length) return null;
        var header = info.Slice(12, headerSize);
        var algorithm = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        var keyBits = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
        // 0x660E/F/10 = AES-128/192/256; RC4 (0x6801) is left to ExcelDataReader.
        if (algorithm is not (0x660E or 0x660F or 0x6610) || keyBits is not (128 or 192 or 256)) return null;
        var verifier = info[(12 + headerSize)..];
        if (BinaryPrimitives.ReadInt32LittleEndian(verifier) != 16) return null;
        var salt = verifier.Slice(4, 16).ToArray();
        var encryptedVerifier = verifier.Slice(20, 16).ToArray();
        var encryptedVerifierHash = verifier.Slice(40, 32).ToArray();

        using var aes = Aes.Create();
        aes.Key = DeriveKey(salt, password, keyBits / 8);
        var plainVerifier = aes.DecryptEcb(encryptedVerifier, PaddingMode.None);
        var plainHash = aes.DecryptEcb(encryptedVerifierHash, PaddingMode.None);
        if (!SHA1.HashData(plainVerifier).AsSpan().SequenceEqual(plainHash.AsSpan(0, 20)))
            throw new UnreadableWorkbookException(
                "The workbook is protected with a password other than Excel's default; save it without a password to open and send it again.");

        if (encryptedPackage.Length < 8) return null;
        var size = BinaryPrimitives.ReadInt64LittleEndian(encryptedPackage);
        var body = encryptedPackage.AsSpan(8);
        if (size < 0 || size > body.Length || body.Length % 16 != 0) return null;
        var plain = aes.DecryptEcb(body, PaddingMode.None);
        return size == plain.Length ? plain : plain[..(int)size];
    }

    private static byte[] DeriveKey(byte[] salt, string password, int keyLength)
    {
        var hash = SHA1.HashData([.. salt, .. Encoding.Unicode.GetBytes(password)]);
        Span<byte> buffer = stackalloc byte[24];
        for (var i = 0; i < SpinCount; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, i);
            hash.CopyTo(buffer[4..]);
            SHA1.HashData(buffer, hash);
        }
        hash.CopyTo(buffer);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[20..], 0);
        var final = SHA1.HashData(buffer);
        var x1 = Derive(final, 0x36);
        var x2 = Derive(final, 0x5C);
        byte[] both = [.. x1, .. x2];
        return both[..keyLength];
    }

    private static byte[] Derive(byte[] hash, byte fill)
    {
        Span<byte> block = stackalloc byte[64];
        block.Fill(fill);
        for (var i = 0; i < hash.Length; i++) block[i] ^= hash[i];
        return SHA1.HashData(block);
    }
}
