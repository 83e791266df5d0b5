using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Workflow.Cmrt.Reading.Workbook;

/// <summary>
/// A forward-only scanner for UTF-8 worksheet XML that understands just what a CMRT reader needs: &lt;row r&gt;,
/// &lt;c r t&gt; with &lt;v&gt;, inline &lt;is&gt;&lt;t&gt; text, and skips everything else. The Smelter List of a
/// template is 2–6 MB of mostly empty formula rows; this is several times faster than XmlReader on it. DTDs are
/// rejected, unknown entities and unterminated markup are errors, exactly like the XmlReader path.
/// </summary>
internal sealed class SheetXmlScanner(ReadBudget budget, Func<int, string?> sharedString)
{
    private static ReadOnlySpan<byte> Row => "row"u8;
    private static ReadOnlySpan<byte> Cell => "c"u8;
    private static ReadOnlySpan<byte> Value => "v"u8;
    private static ReadOnlySpan<byte> InlineString => "is"u8;
    private static ReadOnlySpan<byte> TextRun => "t"u8;
    private static ReadOnlySpan<byte> Phonetic => "rPh"u8;

    /// <summary>True when the bytes are UTF-8 (or ASCII) XML, the only encoding this scanner handles.</summary>
    public static bool CanScan(ReadOnlySpan<byte> xml)
    {
        if (xml.Length >= 2 && (xml[0] is 0xFE or 0xFF || xml[1] == 0)) return false;
        if (xml.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) xml = xml[3..];
        if (!xml.StartsWith("<?xml"u8)) return true;
        var end = xml.IndexOf("?>"u8);
        if (end < 0) return true;
        var declaration = xml[..end];
        var enc = declaration.IndexOf("encoding="u8);
        if (enc < 0) return true;
        var value = declaration[(enc + 10)..];
        return value.StartsWith("UTF-8"u8) || value.StartsWith("utf-8"u8) || value.StartsWith("Utf-8"u8);
    }

    public void Scan(ReadOnlySpan<byte> xml, SheetData sheet, int maxColumn, int maxRow)
    {
        var options = budget.Options;
        int pos = 0, rowCount = 0, cellCount = 0, currentRow = 0, nextColumn = 1;
        // Per-cell state.
        var inCell = false;
        var keepCell = false;
        int cellRow = 0, cellColumn = 0;
        string? cellType = null;
        string? rawValue = null;
        StringBuilder? inline = null;
        var inInline = false;
        var inPhonetic = false;
        var captureValue = false;
        var captureInline = false;

        while (true)
        {
            var lt = xml[pos..].IndexOf((byte)'<');
            if (lt < 0) break;
            var textStart = pos;
            pos += lt;
            if (captureValue || captureInline)
            {
                var text = Decode(xml[textStart..pos]);
                if (captureValue) rawValue = (rawValue ?? string.Empty) + text;
                else inline!.Append(text);
            }
            if (pos + 1 >= xml.Length) throw Malformed(sheet);
            var next = xml[pos + 1];
            if (next == (byte)'?') { pos = After(xml, pos, "?>"u8, sheet); continue; }
            if (next == (byte)'!')
            {
                var rest = xml[pos..];
                if (rest.StartsWith("<!--"u8)) { pos = After(xml, pos, "-->"u8, sheet); continue; }
                if (rest.StartsWith("<![CDATA["u8))
                {
                    var end = rest.IndexOf("]]>"u8);
                    if (end < 0) throw Malformed(sheet);
                    var cdata = Encoding.UTF8.GetString(rest[9..end]);
                    if (captureValue) rawValue = (rawValue ?? string.Empty) + cdata;
                    else if (captureInline) inline!.Append(cdata);
                    pos += end + 3;
                    continue;
                }
                throw new UnreadableWorkbookException(
                    "The workbook contains an XML document type definition (DTD), which Excel never writes; it was rejected as unsafe.");
            }

            var closing = next == (byte)'/';
            var nameStart = pos + (closing ? 2 : 1);
            var gt = xml[nameStart..].IndexOf((byte)'>');
            if (gt < 0) throw Malformed(sheet);
            var tagEnd = nameStart + gt;
            var tag = xml[nameStart..tagEnd];
            var selfClosing = !closing && tag.Length > 0 && tag[^1] == (byte)'/';
            if (selfClosing) tag = tag[..^1];
            var nameLength = tag.IndexOfAny((byte)' ', (byte)'\t', (byte)'\n');
            if (nameLength < 0) nameLength = tag.Length;
            var name = tag[..nameLength];
            var colon = name.IndexOf((byte)':');
            if (colon >= 0) name = name[(colon + 1)..];
            var attributes = tag[nameLength..];
            pos = tagEnd + 1;

            if (closing)
            {
                if (name.SequenceEqual(Value)) captureValue = false;
                else if (name.SequenceEqual(TextRun)) captureInline = false;
                else if (name.SequenceEqual(Phonetic)) inPhonetic = false;
                else if (name.SequenceEqual(InlineString)) inInline = false;
                else if (name.SequenceEqual(Cell) && inCell)
                {
                    if (keepCell) sheet.Set(cellRow, cellColumn, ToValue(cellType, rawValue, inline));
                    inCell = false;
                }
                continue;
            }

            if (name.SequenceEqual(Row))
            {
                currentRow = TryAttribute(attributes, "r"u8, out var r) && Utf8Parser.TryParse(r, out int rn, out var used) && used == r.Length ? rn : currentRow + 1;
                nextColumn = 1;
                if (++rowCount > options.MaxRowsPerSheet)
                    throw new UnreadableWorkbookException($"Sheet '{sheet.Name}' has more than {options.MaxRowsPerSheet} rows.");
                if ((rowCount & 127) == 0) budget.CheckTime();
                if (currentRow > maxRow) return;
            }
            else if (name.SequenceEqual(Cell))
            {
                if (++cellCount > options.MaxCellsPerSheet)
                    throw new UnreadableWorkbookException($"Sheet '{sheet.Name}' has more than {options.MaxCellsPerSheet} cells.");
                int row = currentRow, column = nextColumn;
                if (TryAttribute(attributes, "r"u8, out var reference) && !TryParseReference(reference, out row, out column))
                    throw new UnreadableWorkbookException($"Sheet '{sheet.Name}' has an invalid cell reference '{Shorten(reference)}'.");
                nextColumn = column + 1;
                keepCell = column <= maxColumn && row <= maxRow && row > 0;
                if (selfClosing || !keepCell) { inCell = !selfClosing; keepCell = false; continue; }
                inCell = true;
                (cellRow, cellColumn) = (row, column);
                cellType = TryAttribute(attributes, "t"u8, out var t) ? CellType(t) : null;
                rawValue = null;
                inline = null;
                inInline = inPhonetic = captureValue = captureInline = false;
            }
            else if (inCell && keepCell && !selfClosing)
            {
                if (name.SequenceEqual(Value)) { captureValue = true; rawValue ??= string.Empty; }
                else if (name.SequenceEqual(InlineString)) { inInline = true; inline ??= new StringBuilder(); }
                else if (name.SequenceEqual(Phonetic)) inPhonetic = true;
                else if (name.SequenceEqual(TextRun) && inInline && !inPhonetic) captureInline = true;
            }
        }
        if (inCell || captureValue || captureInline) throw Malformed(sheet);
    }

    /// <summary>Interned names for the few cell types, so no string is allocated per cell.</summary>
    private static string? CellType(ReadOnlySpan<byte> t) => t switch
    {
        _ when t.SequenceEqual("s"u8) => "s",
        _ when t.SequenceEqual("str"u8) => "str",
        _ when t.SequenceEqual("inlineStr"u8) => "inlineStr",
        _ when t.SequenceEqual("e"u8) => "e",
        _ when t.SequenceEqual("b"u8) => "b",
        _ when t.SequenceEqual("d"u8) => "d",
        _ when t.SequenceEqual("n"u8) => null,
        _ => Encoding.ASCII.GetString(t),
    };

    private CellValue ToValue(string? type, string? raw, StringBuilder? inline)
    {
        return CellValue.FromOoxml(type, raw, inline?.ToString(), sharedString);
    }

    /// <summary>The raw value of attribute <paramref name="name"/> (unprefixed), if present.</summary>
    private static bool TryAttribute(ReadOnlySpan<byte> attributes, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        var i = 0;
        while (i < attributes.Length)
        {
            while (i < attributes.Length && attributes[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') i++;
            if (i >= attributes.Length) return false;
            var eq = attributes[i..].IndexOf((byte)'=');
            if (eq < 0) return false;
            var attrName = attributes.Slice(i, eq).TrimEnd(" \t\r\n"u8);
            i += eq + 1;
            while (i < attributes.Length && attributes[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') i++;
            if (i >= attributes.Length) return false;
            var quote = attributes[i];
            if (quote is not ((byte)'"' or (byte)'\'')) return false;
            var end = attributes[(i + 1)..].IndexOf(quote);
            if (end < 0) return false;
            var candidate = attributes.Slice(i + 1, end);
            i += end + 2;
            var colon = attrName.IndexOf((byte)':');
            if (colon >= 0) attrName = attrName[(colon + 1)..];
            if (attrName.SequenceEqual(name)) { value = candidate; return true; }
        }
        return false;
    }

    private static bool TryParseReference(ReadOnlySpan<byte> text, out int row, out int column)
    {
        Span<char> chars = stackalloc char[Math.Min(text.Length, 32)];
        if (text.Length > 32) { row = column = 0; return false; }
        for (var i = 0; i < text.Length; i++) chars[i] = (char)text[i];
        return CellAddress.TryParse(chars, out row, out column);
    }

    private static string Decode(ReadOnlySpan<byte> text) => XmlText.Decode(text);

    private static int After(ReadOnlySpan<byte> xml, int pos, ReadOnlySpan<byte> terminator, SheetData sheet)
    {
        var end = xml[pos..].IndexOf(terminator);
        if (end < 0) throw Malformed(sheet);
        return pos + end + terminator.Length;
    }

    private static UnreadableWorkbookException Malformed(SheetData sheet) =>
        new($"The workbook contains malformed XML in sheet '{sheet.Name}'; it may be damaged.");

    private static string Shorten(ReadOnlySpan<byte> s) => s.Length <= 20 ? Encoding.UTF8.GetString(s) : Encoding.UTF8.GetString(s[..20]) + "…";
}
