using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Workflow.Cmrt.Reading.Workbook;

/// <summary>
/// Streaming reader for a plain .xlsx package: resolves sheets by name through xl/workbook.xml and its
/// relationships, reads cached values only, and touches only the parts asked for.
/// </summary>
internal sealed class OoxmlWorkbook : IWorkbook
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly ReadBudget _budget;
    private readonly Dictionary<string, string> _sheetParts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _sheetNames = [];
    private string? _sharedStringsPart;
    private SharedStringTable? _sharedStrings;
    private byte[]? _sharedStringBuffer;

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        // A DTD is never legitimate in a workbook part; prohibiting it stops entity-expansion bombs.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public OoxmlWorkbook(Stream package, ReadBudget budget)
    {
        _budget = budget;
        try
        {
            _zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException)
        {
            throw new UnreadableWorkbookException("The file starts like a zip (.xlsx) but the zip structure is corrupt.");
        }
        if (_zip.Entries.Count > budget.Options.MaxZipEntries)
            throw new UnreadableWorkbookException(
                $"The workbook package has {_zip.Entries.Count} parts, more than the {budget.Options.MaxZipEntries} allowed.");
        LoadWorkbookPart();
    }

    public IReadOnlyList<string> SheetNames => _sheetNames;
    public bool Date1904 { get; private set; }

    public SheetData? Sheet(string name, int maxColumn, int maxRow = int.MaxValue)
    {
        if (!_sheetParts.TryGetValue(name, out var part)) return null;
        var sheet = new SheetData(name);
        var (buffer, length) = ReadPart(part) ?? throw new UnreadableWorkbookException($"The workbook lists sheet '{name}' but its part {part} is missing.");
        try
        {
            var bytes = buffer.AsSpan(0, length);
            if (SheetXmlScanner.CanScan(bytes))
            {
                new SheetXmlScanner(_budget, SharedString).Scan(bytes, sheet, maxColumn, maxRow);
            }
            else
            {
                using var xml = XmlReader.Create(new MemoryStream(buffer, 0, length), XmlSettings);
                ReadCells(xml, sheet, maxColumn, maxRow);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return sheet;
    }

    public void Dispose()
    {
        _zip.Dispose();
        if (_sharedStringBuffer is not null) ArrayPool<byte>.Shared.Return(_sharedStringBuffer);
        _sharedStringBuffer = null;
    }

    private void LoadWorkbookPart()
    {
        const string workbookPart = "xl/workbook.xml";
        var rels = ReadRelationships("xl/_rels/workbook.xml.rels");
        using (var xml = OpenXml(workbookPart) ?? throw new UnreadableWorkbookException("The zip is not an Excel workbook (xl/workbook.xml is missing)."))
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != MainNs) continue;
                if (xml.LocalName == "workbookPr")
                    Date1904 = xml.GetAttribute("date1904") is "1" or "true";
                else if (xml.LocalName == "sheet")
                {
                    var sheetName = xml.GetAttribute("name");
                    var rid = xml.GetAttribute("id", RelNs);
                    if (sheetName is null || rid is null || !rels.TryGetValue(rid, out var target)) continue;
                    _sheetNames.Add(sheetName);
                    _sheetParts.TryAdd(sheetName, target);
                }
            }
        }
        _sharedStringsPart = rels.Values.FirstOrDefault(t => t.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase));
    }

    private Dictionary<string, string> ReadRelationships(string part)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        using var xml = OpenXml(part);
        if (xml is null) return map;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship") continue;
            var id = xml.GetAttribute("Id");
            var target = xml.GetAttribute("Target");
            if (id is null || target is null) continue;
            map[id] = ResolveTarget(target);
        }
        return map;
    }

    private static string ResolveTarget(string target)
    {
        if (target.StartsWith('/')) return target[1..];
        var parts = new List<string> { "xl" };
        foreach (var segment in target.Split('/'))
        {
            if (segment == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (segment is not ("." or "")) parts.Add(segment);
        }
        return string.Join('/', parts);
    }

    private ZipArchiveEntry? FindEntry(string part) =>
        _zip.GetEntry(part) ?? _zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, part, StringComparison.OrdinalIgnoreCase));

    private void CheckDeclaredSize(ZipArchiveEntry entry, string part)
    {
        if (entry.Length > 1024 * 1024 && entry.CompressedLength > 0 &&
            entry.Length / entry.CompressedLength > _budget.Options.MaxCompressionRatio)
            throw new UnreadableWorkbookException(
                $"Part {part} is compressed more than {_budget.Options.MaxCompressionRatio}:1 (possible zip bomb).");
        if (entry.Length > _budget.Options.MaxUncompressedBytes)
            throw new UnreadableWorkbookException(
                $"Part {part} declares {entry.Length / (1024 * 1024)} MB uncompressed, more than allowed (possible zip bomb).");
    }

    private Stream OpenEntry(ZipArchiveEntry entry, string part)
    {
        try { return new BudgetedStream(entry.Open(), _budget); }
        catch (InvalidDataException) { throw new UnreadableWorkbookException($"Part {part} of the zip is corrupt or uses an unsupported compression."); }
    }

    private XmlReader? OpenXml(string part)
    {
        var entry = FindEntry(part);
        if (entry is null) return null;
        CheckDeclaredSize(entry, part);
        return XmlReader.Create(OpenEntry(entry, part), XmlSettings);
    }

    private Func<int, string?>? _sharedStringLookup;

    private string? SharedString(int index) => SharedStrings().Get(index);

    /// <summary>The whole decompressed part in a pooled buffer (return it to the pool), or null when the part is absent.</summary>
    private (byte[] Buffer, int Length)? ReadPart(string part)
    {
        var entry = FindEntry(part);
        if (entry is null) return null;
        CheckDeclaredSize(entry, part);
        var limit = _budget.Options.MaxSheetBytes;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(entry.Length + 1, 4096, limit + 1));
        var length = 0;
        try
        {
            using var stream = OpenEntry(entry, part);
            int n;
            while ((n = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += n;
                if (length > limit)
                    throw new UnreadableWorkbookException($"Sheet part {part} is larger than {limit / (1024 * 1024)} MB uncompressed.");
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        return (buffer, length);
    }

    private SharedStringTable SharedStrings()
    {
        if (_sharedStrings is not null) return _sharedStrings;
        if (_sharedStringsPart is null || ReadPart(_sharedStringsPart) is not { } part)
            return _sharedStrings = SharedStringTable.Index([], 0, 0);
        _sharedStringBuffer = part.Buffer;
        if (!SheetXmlScanner.CanScan(part.Buffer.AsSpan(0, part.Length)))
            throw new UnreadableWorkbookException("The workbook's shared strings are not UTF-8 encoded, which this reader does not support.");
        return _sharedStrings = SharedStringTable.Index(part.Buffer, part.Length, _budget.Options.MaxSharedStrings);
    }

    /// <summary>Concatenates the text runs of an &lt;si&gt; or &lt;is&gt; element, skipping phonetic (rPh) runs.</summary>
    private static void ReadStringItem(XmlReader xml, StringBuilder sb)
    {
        if (xml.IsEmptyElement) { xml.Read(); return; }
        var depth = xml.Depth;
        xml.Read();
        // Skip() and ReadElementContentAsString() already advance, so only step explicitly otherwise.
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh") xml.Skip();
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t") sb.Append(xml.ReadElementContentAsString());
            else xml.Read();
        }
        if (!xml.EOF) xml.Read();
    }

    private void ReadCells(XmlReader xml, SheetData sheet, int maxColumn, int maxRow)
    {
        var options = _budget.Options;
        var rowCount = 0;
        var cellCount = 0;
        var currentRow = 0;
        var nextColumn = 1;
        var sb = new StringBuilder();
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element) { xml.Read(); continue; }
            switch (xml.LocalName)
            {
                case "row":
                    var r = xml.GetAttribute("r");
                    currentRow = r is not null && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var rn) ? rn : currentRow + 1;
                    nextColumn = 1;
                    if (++rowCount > options.MaxRowsPerSheet)
                        throw new UnreadableWorkbookException($"Sheet '{sheet.Name}' has more than {options.MaxRowsPerSheet} rows.");
                    if ((rowCount & 127) == 0) _budget.CheckTime();
                    if (currentRow > maxRow) return;
                    xml.Read();
                    break;
                case "c":
                    if (++cellCount > options.MaxCellsPerSheet)
                        throw new UnreadableWorkbookException($"Sheet '{sheet.Name}' has more than {options.MaxCellsPerSheet} cells.");
                    var reference = xml.GetAttribute("r");
                    int row = currentRow, column = nextColumn;
                    if (reference is not null && !CellAddress.TryParse(reference, out row, out column))
                        throw new UnreadableWorkbookException($"Sheet '{sheet.Name}' has an invalid cell reference '{Shorten(reference)}'.");
                    nextColumn = column + 1;
                    if (column > maxColumn || row > maxRow || xml.IsEmptyElement) { xml.Skip(); break; }
                    var type = xml.GetAttribute("t");
                    sheet.Set(row, column, ReadCellValue(xml, type, sb));
                    break;
                case "sheetData" or "worksheet":
                    xml.Read();
                    break;
                default:
                    // Column widths, merged cells, validations, drawings: none is needed, skip whole subtrees.
                    xml.Skip();
                    break;
            }
        }
    }

    private CellValue ReadCellValue(XmlReader xml, string? type, StringBuilder sb)
    {
        string? raw = null;
        string? inline = null;
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element) { xml.Read(); continue; }
            if (xml.LocalName == "v") raw = xml.ReadElementContentAsString();
            else if (xml.LocalName == "is") { sb.Clear(); ReadStringItem(xml, sb); inline = sb.ToString(); }
            else xml.Skip();
        }
        if (!xml.EOF) xml.Read();
        return CellValue.FromOoxml(type, raw, inline, _sharedStringLookup ??= SharedString);
    }

    private static string Shorten(string s) => s.Length <= 20 ? s : s[..20] + "…";
}
