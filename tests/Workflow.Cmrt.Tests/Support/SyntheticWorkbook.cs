using System.IO.Compression;
using System.Text;

namespace Workflow.Cmrt.Tests.Support;

/// <summary>Builds minimal .xlsx packages from raw sheet XML, for hostile and malformed inputs.</summary>
public sealed class SyntheticWorkbook
{
    private readonly List<(string Name, string Xml)> _sheets = [];
    private readonly Dictionary<string, byte[]> _extraParts = [];
    public string? WorkbookXmlOverride { get; set; }

    public SyntheticWorkbook Sheet(string name, string sheetDataXml)
    {
        _sheets.Add((name, $"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{sheetDataXml}</sheetData></worksheet>"));
        return this;
    }

    public SyntheticWorkbook RawSheet(string name, string worksheetXml)
    {
        _sheets.Add((name, worksheetXml));
        return this;
    }

    public SyntheticWorkbook Part(string path, byte[] content)
    {
        _extraParts[path] = content;
        return this;
    }

    public static string InlineCell(string address, string text) =>
        $"<c r=\"{address}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>";

    public byte[] ToBytes(CompressionLevel level = CompressionLevel.Fastest)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var sheets = string.Concat(_sheets.Select((s, i) => $"<sheet name=\"{s.Name}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>"));
            Add(zip, "xl/workbook.xml", WorkbookXmlOverride ??
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                $"<sheets>{sheets}</sheets></workbook>", level);
            var rels = string.Concat(_sheets.Select((_, i) =>
                $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"));
            Add(zip, "xl/_rels/workbook.xml.rels", $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>", level);
            for (var i = 0; i < _sheets.Count; i++) Add(zip, $"xl/worksheets/sheet{i + 1}.xml", _sheets[i].Xml, level);
            foreach (var (path, content) in _extraParts)
            {
                using var s = zip.CreateEntry(path, level).Open();
                s.Write(content);
            }
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string path, string xml, CompressionLevel level)
    {
        using var s = zip.CreateEntry(path, level).Open();
        s.Write(Encoding.UTF8.GetBytes(xml));
    }
}
