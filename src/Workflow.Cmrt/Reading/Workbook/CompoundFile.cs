using System.Buffers.Binary;
using System.Text;

namespace Workflow.Cmrt.Reading.Workbook;

/// <summary>
/// Minimal read-only OLE2 compound file ([MS-CFB]) access by stream name, enough to pull EncryptionInfo and
/// EncryptedPackage out of an encrypted .xlsx. Every chain walk is bounded, so damaged files fail fast instead of looping.
/// </summary>
internal sealed class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private readonly byte[] _data;
    private readonly int _sectorSize;
    private readonly uint[] _fat;
    private readonly List<(string Name, int Type, uint Start, long Size)> _entries = [];
    private readonly uint _miniCutoff;
    private readonly uint _firstMiniFat;
    private byte[]? _miniStream;
    private uint[]? _miniFat;

    private CompoundFile(byte[] data)
    {
        _data = data;
        if (data.Length < 512) throw Damaged();
        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(0x1E));
        if (sectorShift is not (9 or 12)) throw Damaged();
        _sectorSize = 1 << sectorShift;
        var fatSectors = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(0x2C));
        var firstDirectory = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(0x30));
        _miniCutoff = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(0x38));
        _firstMiniFat = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(0x3C));
        var firstDifat = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(0x44));
        if (fatSectors > SectorCount) throw Damaged();

        var fatSectorIds = new List<uint>();
        for (var i = 0; i < 109 && fatSectorIds.Count < fatSectors; i++)
            fatSectorIds.Add(BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(0x4C + 4 * i)));
        for (var difat = firstDifat; fatSectorIds.Count < fatSectors && difat < SectorCount;)
        {
            var sector = Sector(difat);
            for (var i = 0; i < _sectorSize / 4 - 1 && fatSectorIds.Count < fatSectors; i++)
                fatSectorIds.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector[(4 * i)..]));
            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector[^4..]);
        }
        _fat = new uint[fatSectorIds.Count * (_sectorSize / 4)];
        for (var s = 0; s < fatSectorIds.Count; s++)
        {
            var sector = Sector(fatSectorIds[s]);
            for (var i = 0; i < _sectorSize / 4; i++) _fat[s * (_sectorSize / 4) + i] = BinaryPrimitives.ReadUInt32LittleEndian(sector[(4 * i)..]);
        }

        var directory = ReadChain(firstDirectory, long.MaxValue);
        for (var offset = 0; offset + 128 <= directory.Length; offset += 128)
        {
            var entry = directory.AsSpan(offset, 128);
            var nameLength = Math.Min(BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]), (ushort)64);
            var name = nameLength >= 2 ? Encoding.Unicode.GetString(entry[..(nameLength - 2)]) : string.Empty;
            _entries.Add((name, entry[0x42], BinaryPrimitives.ReadUInt32LittleEndian(entry[0x74..]),
                (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(entry[0x78..]), int.MaxValue)));
        }
    }

    private long SectorCount => (_data.Length / _sectorSize) - 1;

    public static CompoundFile Open(byte[] data) => new(data);

    public bool Has(string name) => _entries.Any(e => e.Type == 2 && e.Name == name);

    /// <summary>The stream's bytes, or null when there is no stream of that name.</summary>
    public byte[]? Read(string name)
    {
        var entry = _entries.FirstOrDefault(e => e.Type == 2 && e.Name == name);
        if (entry.Name is null) return null;
        if (entry.Size < _miniCutoff) return ReadMini(entry.Start, entry.Size);
        return ReadChain(entry.Start, entry.Size);
    }

    private byte[] ReadChain(uint start, long size)
    {
        var buffer = new MemoryStream();
        var limit = SectorCount;
        for (var (sector, steps) = (start, 0L); sector != EndOfChain && buffer.Length < size; sector = Next(sector), steps++)
        {
            if (steps > limit || sector >= SectorCount) throw Damaged();
            buffer.Write(Sector(sector));
        }
        if (size != long.MaxValue && buffer.Length < size) throw Damaged();
        var bytes = buffer.ToArray();
        return size == long.MaxValue ? bytes : bytes[..(int)size];
    }

    private byte[] ReadMini(uint start, long size)
    {
        if (_miniStream is null)
        {
            var root = _entries.FirstOrDefault(e => e.Type == 5);
            _miniStream = root.Name is null ? [] : ReadChain(root.Start, root.Size);
            var miniFatBytes = _firstMiniFat == EndOfChain ? [] : ReadChain(_firstMiniFat, long.MaxValue);
            _miniFat = new uint[miniFatBytes.Length / 4];
            for (var i = 0; i < _miniFat.Length; i++) _miniFat[i] = BinaryPrimitives.ReadUInt32LittleEndian(miniFatBytes.AsSpan(4 * i));
        }
        var result = new byte[size];
        var written = 0;
        for (var (sector, steps) = (start, 0); sector != EndOfChain && written < size; sector = _miniFat![sector], steps++)
        {
            var offset = (long)sector * 64;
            if (steps > _miniFat!.Length || sector >= _miniFat.Length || offset + 64 > _miniStream.Length) throw Damaged();
            var n = (int)Math.Min(64, size - written);
            _miniStream.AsSpan((int)offset, n).CopyTo(result.AsSpan(written));
            written += n;
        }
        if (written < size) throw Damaged();
        return result;
    }

    private uint Next(uint sector) => sector < _fat.Length ? _fat[sector] : throw Damaged();

    private ReadOnlySpan<byte> Sector(uint id)
    {
        var offset = ((long)id + 1) * _sectorSize;
        if (offset + _sectorSize > _data.Length) throw Damaged();
        return _data.AsSpan((int)offset, _sectorSize);
    }

    private static UnreadableWorkbookException Damaged() => new("The file is an OLE2 (legacy Office) container but its structure is damaged.");
}
