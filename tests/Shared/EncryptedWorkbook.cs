using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Tests.Shared;

/// <summary>
/// An .xlsx package encrypted the way Excel "protects" a workbook with its default password: ECMA-376 Standard
/// encryption (AES-128-ECB, SHA-1, 50,000 spins; [MS-OFFCRYPTO] 2.3.4.5–2.3.4.9) in an OLE2 compound file holding the
/// EncryptionInfo and EncryptedPackage streams. The key derivation is written here from the specification, apart from
/// the reader's, so that the two check each other.
/// </summary>
public static class EncryptedWorkbook
{
    public const string ExcelDefaultPassword = "VelvetSweatshop";
    private const string Provider = "Microsoft Enhanced RSA and AES Cryptographic Provider";

    public static byte[] From(byte[] xlsx, string password = ExcelDefaultPassword)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        using var aes = Aes.Create();
        aes.Key = DeriveKey(salt, password);

        var verifier = RandomNumberGenerator.GetBytes(16);
        var verifierHash = new byte[32];
        SHA1.HashData(verifier).CopyTo(verifierHash, 0);

        var provider = Encoding.Unicode.GetBytes(Provider + "\0");
        var info = new MemoryStream();
        void U16(int v) { Span<byte> b = stackalloc byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v); info.Write(b); }
        void U32(uint v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, v); info.Write(b); }
        U16(3); U16(2);                         // version 3.2: Standard encryption
        U32(0x24);                              // fCryptoAPI | fAES
        U32((uint)(32 + provider.Length));      // header size
        U32(0x24); U32(0); U32(0x660E); U32(0x8004); U32(128); U32(0x18); U32(0); U32(0);
        info.Write(provider);
        U32(16); info.Write(salt);
        info.Write(aes.EncryptEcb(verifier, PaddingMode.None));
        U32(20); info.Write(aes.EncryptEcb(verifierHash, PaddingMode.None));

        var padded = new byte[(xlsx.Length + 15) / 16 * 16];
        xlsx.CopyTo(padded, 0);
        var package = new byte[8 + padded.Length];
        BinaryPrimitives.WriteInt64LittleEndian(package, xlsx.Length);
        aes.EncryptEcb(padded, PaddingMode.None).CopyTo(package, 8);

        return CompoundFileWriter.Write([("EncryptionInfo", info.ToArray()), ("EncryptedPackage", package)]);
    }

    /// <summary>[MS-OFFCRYPTO] 2.3.4.7: H0 = SHA1(salt + password), Hn = SHA1(n + Hn-1) 50,000 times, then the 0x36 derivation.</summary>
    private static byte[] DeriveKey(byte[] salt, string password)
    {
        var hash = SHA1.HashData([.. salt, .. Encoding.Unicode.GetBytes(password)]);
        for (var i = 0; i < 50_000; i++) hash = SHA1.HashData([.. BitConverter.GetBytes(i), .. hash]);
        var final = SHA1.HashData([.. hash, 0, 0, 0, 0]);
        var block = Enumerable.Repeat((byte)0x36, 64).ToArray();
        for (var i = 0; i < final.Length; i++) block[i] ^= final[i];
        return SHA1.HashData(block)[..16];
    }
}

/// <summary>
/// A minimal OLE2 compound file ([MS-CFB] version 3, 512-byte sectors) holding streams in the root storage: streams
/// under 4,096 bytes go to the mini stream, as the format requires.
/// </summary>
public static class CompoundFileWriter
{
    private const int SectorSize = 512;
    private const int MiniSectorSize = 64;
    private const int MiniCutoff = 4096;
    private const uint Free = 0xFFFFFFFF, EndOfChain = 0xFFFFFFFE, FatSector = 0xFFFFFFFD, NoStream = 0xFFFFFFFF;

    public static byte[] Write(IReadOnlyList<(string Name, byte[] Data)> streams)
    {
        // The directory's red-black tree, all black: shorter names sort first, then by upper-case name.
        var ordered = streams.OrderBy(s => s.Name.Length).ThenBy(s => s.Name.ToUpperInvariant(), StringComparer.Ordinal).ToList();
        var small = ordered.Where(s => s.Data.Length < MiniCutoff).ToList();
        var large = ordered.Where(s => s.Data.Length >= MiniCutoff).ToList();

        var miniStream = new MemoryStream();
        var miniFat = new List<uint>();
        var miniStart = new Dictionary<string, uint>();
        foreach (var (name, data) in small)
        {
            var first = (uint)miniFat.Count;
            var count = Math.Max(1, (data.Length + MiniSectorSize - 1) / MiniSectorSize);
            for (var i = 0; i < count; i++) miniFat.Add(i == count - 1 ? EndOfChain : first + (uint)i + 1);
            miniStart[name] = first;
            miniStream.Write(data);
            miniStream.Write(new byte[count * MiniSectorSize - data.Length]);
        }

        static int Sectors(long bytes) => (int)((bytes + SectorSize - 1) / SectorSize);
        var directorySectors = Sectors((ordered.Count + 1) * 128L);
        var miniFatSectors = miniFat.Count == 0 ? 0 : Sectors(miniFat.Count * 4L);
        var miniStreamSectors = Sectors(miniStream.Length);
        var dataSectors = directorySectors + miniFatSectors + miniStreamSectors + large.Sum(s => Sectors(s.Data.Length));
        var fatSectors = 1;
        while (fatSectors * (SectorSize / 4) < fatSectors + dataSectors) fatSectors++;
        if (fatSectors > 109) throw new ArgumentException("Streams too large for this minimal writer.");

        var fat = new List<uint>();
        for (var i = 0; i < fatSectors; i++) fat.Add(FatSector);
        uint Chain(int count)
        {
            var first = (uint)fat.Count;
            for (var i = 0; i < count; i++) fat.Add(i == count - 1 ? EndOfChain : (uint)fat.Count + 1);
            return count == 0 ? EndOfChain : first;
        }
        var directoryStart = Chain(directorySectors);
        var miniFatStart = Chain(miniFatSectors);
        var miniStreamStart = Chain(miniStreamSectors);
        var largeStart = large.ToDictionary(s => s.Name, s => Chain(Sectors(s.Data.Length)));
        while (fat.Count % (SectorSize / 4) != 0) fat.Add(Free);

        var output = new MemoryStream();
        var header = new byte[SectorSize];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(0x18), 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(0x1A), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(0x1C), 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(0x1E), 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(0x20), 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x2C), (uint)fatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x30), directoryStart);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x38), MiniCutoff);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x3C), miniFatSectors == 0 ? EndOfChain : miniFatStart);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x40), (uint)miniFatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x44), EndOfChain);
        for (var i = 0; i < 109; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x4C + 4 * i), i < fatSectors ? (uint)i : Free);
        output.Write(header);

        foreach (var entry in fat) output.Write(BitConverter.GetBytes(entry));

        var directory = new byte[directorySectors * SectorSize];
        WriteEntry(directory, 0, "Root Entry", 5, ordered.Count > 0 ? 1u : NoStream, NoStream,
            miniStream.Length == 0 ? EndOfChain : miniStreamStart, miniStream.Length);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (name, data) = ordered[i];
            var start = data.Length < MiniCutoff ? miniStart[name] : largeStart[name];
            WriteEntry(directory, i + 1, name, 2, NoStream, i + 1 < ordered.Count ? (uint)i + 2 : NoStream, start, data.Length);
        }
        for (var i = ordered.Count + 1; i < directorySectors * 4; i++)
        {
            var e = directory.AsSpan(i * 128, 128);
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x44..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x48..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x4C..], NoStream);
        }
        output.Write(directory);

        var miniFatBytes = new byte[miniFatSectors * SectorSize];
        miniFatBytes.AsSpan().Fill(0xFF);
        for (var i = 0; i < miniFat.Count; i++) BinaryPrimitives.WriteUInt32LittleEndian(miniFatBytes.AsSpan(i * 4), miniFat[i]);
        output.Write(miniFatBytes);
        Pad(output, miniStream.ToArray());
        foreach (var (_, data) in large) Pad(output, data);
        return output.ToArray();
    }

    private static void WriteEntry(byte[] directory, int index, string name, byte type, uint child, uint right, uint start, long size)
    {
        var e = directory.AsSpan(index * 128, 128);
        var nameBytes = Encoding.Unicode.GetBytes(name + "\0");
        nameBytes.CopyTo(e);
        BinaryPrimitives.WriteUInt16LittleEndian(e[0x40..], (ushort)nameBytes.Length);
        e[0x42] = type;
        e[0x43] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x44..], NoStream);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x48..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x4C..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x74..], start);
        BinaryPrimitives.WriteUInt64LittleEndian(e[0x78..], (ulong)size);
    }

    private static void Pad(MemoryStream output, byte[] data)
    {
        output.Write(data);
        var rest = data.Length % SectorSize;
        if (rest != 0) output.Write(new byte[SectorSize - rest]);
    }
}
