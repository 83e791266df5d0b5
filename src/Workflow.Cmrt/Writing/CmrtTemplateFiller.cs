using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using Workflow.Cmrt.Reading.Workbook;

namespace Workflow.Cmrt.Writing;

/// <summary>
/// Fills RMI's own CMRT 6.x template, cell by cell, with a <see cref="CmrtWorkbookSpec"/>: every sheet, style,
/// drop-down, look-up list and the Checker stay RMI's. Answer cells get literal values; where the template computes a
/// Smelter List cell from the look-up (name, country, ID), the value is written in place of the formula, so any reader
/// sees the smelters without recalculating. Excel recalculates the rest (the Checker) when the file is opened.
/// </summary>
public static class CmrtTemplateFiller
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";

    public static byte[] Fill(Stream template, CmrtWorkbookSpec spec)
    {
        using var source = OpenTemplate(template);
        var (sheetParts, hidden) = Sheets(source);
        var edits = CmrtCells.Of(spec).GroupBy(e => e.Sheet).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var sheet in edits.Keys.Where(s => !sheetParts.ContainsKey(s)))
            throw new CmrtTemplateException($"The template has no '{sheet}' sheet; expected an RMI CMRT 6.x template (sheets: {string.Join(", ", sheetParts.Keys)}).");

        // What to change in which part; every other part is copied byte for byte.
        var changes = new Dictionary<string, List<Action<XDocument>>>(StringComparer.OrdinalIgnoreCase);
        void Change(string part, Action<XDocument> change)
        {
            if (!changes.TryGetValue(part, out var list)) changes[part] = list = [];
            list.Add(change);
        }
        var language = CmrtTemplateLanguage.Read(part => source.GetEntry(part) is null ? null : Load(source, part), sheetParts);
        if (language is not null)
        {
            // The roll-up goes to customers in English, whatever language the template was last saved in.
            edits[CmrtLayout6.Declaration].Add(new CellEdit(CmrtLayout6.Declaration, 3, 4, language.EnglishName));
            Change(sheetParts[CmrtLayout6.Declaration], CmrtTemplateLanguage.SelectFirstLanguage);
            // Hidden sheets (the translations, country and look-up helpers) show no labels; they stay as RMI made them.
            foreach (var (name, part) in sheetParts.Where(s => !hidden.Contains(s.Key))) Change(part, language.Recache);
        }
        foreach (var (sheet, cells) in edits) Change(sheetParts[sheet], doc => Apply(doc, cells, sheetParts[sheet]));
        Change("xl/workbook.xml", RecalculateOnLoad);
        Change("[Content_Types].xml", WithoutCalcChain);
        Change("xl/_rels/workbook.xml.rels", WithoutCalcChainRelationship);

        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                // A calculation chain naming cells whose formulas were replaced makes Excel "repair" the file; Excel
                // rebuilds the chain on load.
                if (entry.FullName.Equals("xl/calcChain.xml", StringComparison.OrdinalIgnoreCase)) continue;
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = entry.LastWriteTime;
                using var to = copy.Open();
                if (changes.TryGetValue(entry.FullName, out var list))
                {
                    Rewrite(entry, to, doc => list.ForEach(change => change(doc)));
                }
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
        }
        return output.ToArray();
    }

    private static ZipArchive OpenTemplate(Stream template)
    {
        try
        {
            return new ZipArchive(template, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new CmrtTemplateException($"The CMRT template is not an .xlsx package ({e.Message}); download the current template from RMI and save it unchanged.");
        }
    }

    /// <summary>
    /// Sheet name → part name (xl/worksheets/sheetN.xml), from the workbook and its relationships, and the names of the
    /// hidden sheets.
    /// </summary>
    private static (Dictionary<string, string> Parts, HashSet<string> Hidden) Sheets(ZipArchive zip)
    {
        var workbook = Load(zip, "xl/workbook.xml");
        var rels = Load(zip, "xl/_rels/workbook.xml.rels");
        var targets = rels.Root!.Elements(PackageRel + "Relationship")
            .ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Root!.Element(Main + "sheets")?.Elements(Main + "sheet") ?? [])
        {
            var name = (string)sheet.Attribute("name")!;
            if ((string?)sheet.Attribute("state") is "hidden" or "veryHidden") hidden.Add(name);
            var id = (string?)sheet.Attribute(Rel + "id");
            if (id is null || !targets.TryGetValue(id, out var target)) continue;
            parts[name] = target.StartsWith('/') ? target[1..] : "xl/" + target;
        }
        return (parts, hidden);
    }

    private static XDocument Load(ZipArchive zip, string part)
    {
        var entry = zip.GetEntry(part) ?? throw new CmrtTemplateException($"The CMRT template has no {part}; it is not a complete .xlsx workbook.");
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    private static void Rewrite(ZipArchiveEntry entry, Stream to, Action<XDocument> change)
    {
        XDocument doc;
        using (var from = entry.Open()) doc = XDocument.Load(from);
        change(doc);
        // No byte-order mark and no re-indenting: the part stays as close to RMI's as the change allows.
        using var writer = System.Xml.XmlWriter.Create(to, new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        doc.Save(writer);
    }

    private static void Apply(XDocument sheet, List<CellEdit> edits, string part)
    {
        var data = sheet.Root!.Element(Main + "sheetData") ?? throw new CmrtTemplateException($"{part} has no cell data.");
        var rows = new SortedDictionary<int, XElement>();
        var implicitRow = 0;
        foreach (var row in data.Elements(Main + "row"))
        {
            implicitRow = (int?)row.Attribute("r") ?? implicitRow + 1;
            rows[implicitRow] = row;
        }
        foreach (var byRow in edits.GroupBy(e => e.Row).OrderBy(g => g.Key))
        {
            if (!rows.TryGetValue(byRow.Key, out var row))
            {
                row = new XElement(Main + "row", new XAttribute("r", byRow.Key));
                var next = rows.FirstOrDefault(r => r.Key > byRow.Key).Value;
                if (next is null) data.Add(row); else next.AddBeforeSelf(row);
                rows[byRow.Key] = row;
            }
            foreach (var edit in byRow) Set(row, edit, part);
        }
        var last = rows.Keys.LastOrDefault();
        var dimension = sheet.Root.Element(Main + "dimension");
        if (dimension?.Attribute("ref") is { } extent && extent.Value.Split(':') is [var from, var to]
            && CellAddress.TryParse(to, out var lastRow, out var lastColumn) && last > lastRow)
            extent.Value = $"{from}:{CellAddress.Of(last, lastColumn)}";
    }

    private static void Set(XElement row, CellEdit edit, string part)
    {
        var address = CellAddress.Of(edit.Row, edit.Column);
        XElement? cell = null;
        XElement? after = null;
        var implicitColumn = 0;
        foreach (var c in row.Elements(Main + "c"))
        {
            implicitColumn = (string?)c.Attribute("r") is { } r && CellAddress.TryParse(r, out _, out var column) ? column : implicitColumn + 1;
            if (implicitColumn == edit.Column) { cell = c; break; }
            if (implicitColumn > edit.Column) { after = c; break; }
        }
        if (cell is null)
        {
            cell = new XElement(Main + "c", new XAttribute("r", address));
            if (after is null) row.Add(cell); else after.AddBeforeSelf(cell);
        }
        if (cell.Element(Main + "f") is { } formula && (string?)formula.Attribute("t") == "shared" && formula.Attribute("ref") is not null)
            throw new CmrtTemplateException($"{part} {address} starts a shared formula; this template layout is not supported for filling.");

        // Keep the template's style; replace whatever the cell held (formula, cached value) with the answer.
        cell.Elements().Remove();
        cell.Attribute("t")?.Remove();
        cell.Attribute("cm")?.Remove();
        cell.Attribute("vm")?.Remove();
        if (edit.Number is { } n)
        {
            cell.Add(new XElement(Main + "v", n.ToString("R", CultureInfo.InvariantCulture)));
        }
        else
        {
            cell.SetAttributeValue("t", "inlineStr");
            cell.Add(new XElement(Main + "is", new XElement(Main + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), edit.Text ?? "")));
        }
    }

    private static void RecalculateOnLoad(XDocument workbook)
    {
        var root = workbook.Root!;
        var calc = root.Element(Main + "calcPr");
        if (calc is null)
        {
            calc = new XElement(Main + "calcPr");
            // calcPr follows sheets/functionGroups/externalReferences/definedNames in the schema's order.
            var anchor = root.Element(Main + "definedNames") ?? root.Element(Main + "externalReferences") ?? root.Element(Main + "sheets");
            anchor!.AddAfterSelf(calc);
        }
        calc.SetAttributeValue("fullCalcOnLoad", "1");
    }

    private static void WithoutCalcChain(XDocument types) =>
        types.Root!.Elements().Where(e => ((string?)e.Attribute("PartName"))?.EndsWith("/calcChain.xml", StringComparison.OrdinalIgnoreCase) == true).Remove();

    private static void WithoutCalcChainRelationship(XDocument rels) =>
        rels.Root!.Elements().Where(e => ((string?)e.Attribute("Target"))?.EndsWith("calcChain.xml", StringComparison.OrdinalIgnoreCase) == true).Remove();
}

/// <summary>The configured CMRT template cannot be filled; the message says what to fix.</summary>
public sealed class CmrtTemplateException(string message) : Exception(message);
