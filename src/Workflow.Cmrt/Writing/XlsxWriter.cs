using System.IO.Compression;
using System.Security;
using System.Text;
using Workflow.Cmrt.Reading.Workbook;

namespace Workflow.Cmrt.Writing;

/// <summary>
/// A small writer of plain .xlsx packages (shared strings, numbers, no styles): enough for workbooks that are read
/// by cell address, which is how every CMRT reader works.
/// </summary>
public sealed class XlsxWriter
{
    private readonly List<(string Name, SortedDictionary<int, SortedDictionary<int, object>> Rows)> _sheets = [];
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly List<string> _stringList = [];

    /// <summary>The sheet of that name, added after the existing ones the first time it is asked for.</summary>
    public XlsxSheet Sheet(string name)
    {
        foreach (var (existing, existingRows) in _sheets)
            if (existing == name) return new XlsxSheet(existingRows);
        var rows = new SortedDictionary<int, SortedDictionary<int, object>>();
        _sheets.Add((name, rows));
        return new XlsxSheet(rows);
    }

    /// <summary>Every sheet in order with its cells (text or number), row by row.</summary>
    public IEnumerable<(string Name, IEnumerable<(int Row, int Column, object Value)> Cells)> Sheets =>
        _sheets.Select(s => (s.Name, s.Rows.SelectMany(r => r.Value.Select(c => (r.Key, c.Key, c.Value)))));

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", ContentTypes());
            Write(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Write(zip, "xl/workbook.xml", Workbook());
            Write(zip, "xl/_rels/workbook.xml.rels", WorkbookRels());
            for (var i = 0; i < _sheets.Count; i++) Write(zip, $"xl/worksheets/sheet{i + 1}.xml", SheetXml(_sheets[i].Rows));
            Write(zip, "xl/sharedStrings.xml", SharedStrings());
        }
        return buffer.ToArray();
    }

    private string ContentTypes()
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>""");
        for (var i = 1; i <= _sheets.Count; i++)
            sb.Append($"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        return sb.Append("</Types>").ToString();
    }

    private string Workbook()
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
        for (var i = 0; i < _sheets.Count; i++)
            sb.Append($"""<sheet name="{SecurityElement.Escape(_sheets[i].Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""");
        return sb.Append("</sheets></workbook>").ToString();
    }

    private string WorkbookRels()
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (var i = 0; i < _sheets.Count; i++)
            sb.Append($"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>""");
        sb.Append($"""<Relationship Id="rId{_sheets.Count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""");
        return sb.Append("</Relationships>").ToString();
    }

    private string SheetXml(SortedDictionary<int, SortedDictionary<int, object>> rows)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        foreach (var (r, cells) in rows)
        {
            sb.Append($"<row r=\"{r}\">");
            foreach (var (c, value) in cells)
            {
                var address = CellAddress.ColumnName(c) + r;
                switch (value)
                {
                    case string s:
                        sb.Append($"<c r=\"{address}\" t=\"s\"><v>{StringIndex(s)}</v></c>");
                        break;
                    case double d:
                        sb.Append($"<c r=\"{address}\"><v>{d.ToString(System.Globalization.CultureInfo.InvariantCulture)}</v></c>");
                        break;
                }
            }
            sb.Append("</row>");
        }
        return sb.Append("</sheetData></worksheet>").ToString();
    }

    private string SharedStrings()
    {
        var sb = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{_stringList.Count}" uniqueCount="{_stringList.Count}">""");
        foreach (var s in _stringList) sb.Append("<si><t xml:space=\"preserve\">").Append(SecurityElement.Escape(s)).Append("</t></si>");
        return sb.Append("</sst>").ToString();
    }

    private int StringIndex(string s)
    {
        if (_strings.TryGetValue(s, out var i)) return i;
        _strings[s] = _stringList.Count;
        _stringList.Add(s);
        return _stringList.Count - 1;
    }

    private static void Write(ZipArchive zip, string path, string content)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write(content);
    }

}

/// <summary>Cells of one sheet, addressed 1-based (row, column) or "D8".</summary>
public sealed class XlsxSheet(SortedDictionary<int, SortedDictionary<int, object>> rows)
{
    public XlsxSheet Set(int row, int column, string? text)
    {
        if (text is not null) Cells(row)[column] = text;
        return this;
    }

    public XlsxSheet Set(int row, int column, double number)
    {
        Cells(row)[column] = number;
        return this;
    }

    public XlsxSheet Set(string address, string? text)
    {
        var (row, column) = CellAddress.Parse(address);
        return Set(row, column, text);
    }

    private SortedDictionary<int, object> Cells(int row)
    {
        if (!rows.TryGetValue(row, out var cells)) rows[row] = cells = new SortedDictionary<int, object>();
        return cells;
    }
}
