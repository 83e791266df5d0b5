using System.Text.RegularExpressions;
using System.Xml.Linq;
using Workflow.Cmrt.Reading.Workbook;

namespace Workflow.Cmrt.Writing;

/// <summary>
/// Switches a CMRT 6.x template to English, including the labels' cached values. The template translates every label
/// with a formula into its hidden sheet "L" (one column per language, chosen in Declaration!D3); Excel recomputes them
/// on opening, but LibreOffice, PDF converters and customers' import tools show what the file has cached, which is the
/// language the template was last saved in. RMI's files are often saved in Chinese or another language.
/// </summary>
internal sealed partial class CmrtTemplateLanguage
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string LanguageSheet = "L";

    private readonly Dictionary<string, string> _english;

    private CmrtTemplateLanguage(Dictionary<string, string> english, string englishName)
    {
        _english = english;
        EnglishName = englishName;
    }

    /// <summary>The language's name as the D3 drop-down lists it (L!D1).</summary>
    public string EnglishName { get; }

    /// <summary>Null when the template has no language sheet (then there is nothing to switch).</summary>
    public static CmrtTemplateLanguage? Read(Func<string, XDocument?> part, IReadOnlyDictionary<string, string> sheetParts)
    {
        if (!sheetParts.TryGetValue(LanguageSheet, out var languagePart) || part(languagePart) is not { } sheet) return null;
        var strings = (part("xl/sharedStrings.xml")?.Root?.Elements(Main + "si") ?? [])
            .Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList();
        string? Text(XElement? cell)
        {
            if (cell is null) return null;
            var value = cell.Element(Main + "v")?.Value ?? cell.Element(Main + "is")?.Value;
            return (string?)cell.Attribute("t") == "s" && int.TryParse(value, out var i) && i < strings.Count ? strings[i] : value;
        }

        var english = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        foreach (var row in sheet.Root!.Element(Main + "sheetData")?.Elements(Main + "row") ?? [])
        {
            // Column B: the sheet a label is on, C: its cell, D: the English text (row 1: the language names).
            var cells = new Dictionary<int, XElement>();
            foreach (var c in row.Elements(Main + "c"))
                if (CellAddress.TryParse((string?)c.Attribute("r"), out _, out var column)) cells[column] = c;
            var d = Text(cells.GetValueOrDefault(4));
            if ((string?)row.Attribute("r") == "1") { name = d; continue; }
            if (Text(cells.GetValueOrDefault(2)) is { } sheetName && Text(cells.GetValueOrDefault(3)) is { } address && d is not null)
                english[sheetName + address] = d;
        }
        return name is null || english.Count == 0 ? null : new CmrtTemplateLanguage(english, name);
    }

    /// <summary>Gives every translated label of <paramref name="sheet"/> its English text as the cached value.</summary>
    public void Recache(XDocument sheet)
    {
        foreach (var cell in sheet.Descendants(Main + "c"))
        {
            if (cell.Element(Main + "f") is not { } formula || !formula.Value.Contains("OFFSET(L!$C$1", StringComparison.Ordinal)) continue;
            var label = LabelKey().Match(formula.Value);
            if (!label.Success || !_english.TryGetValue(label.Groups[1].Value + (string?)cell.Attribute("r"), out var text)) continue;
            cell.SetAttributeValue("t", "str");
            cell.Element(Main + "v")?.Remove();
            formula.AddAfterSelf(new XElement(Main + "v", text));
        }
    }

    /// <summary>The selected-language index (Declaration!P3, MATCH of D3 in the language list): English is the first.</summary>
    public static void SelectFirstLanguage(XDocument declaration)
    {
        var p3 = declaration.Descendants(Main + "c").FirstOrDefault(c => (string?)c.Attribute("r") == "P3");
        if (p3?.Element(Main + "f") is null) return;
        p3.Element(Main + "v")?.Remove();
        p3.Attribute("t")?.Remove();
        p3.Add(new XElement(Main + "v", "1"));
    }

    // MATCH("Declaration"&ADDRESS(ROW(),COLUMN(),4),L!$A:$A,0): the label's key is the sheet name and the cell's address.
    [GeneratedRegex("""MATCH\("([^"]+)"&ADDRESS\(ROW\(\),COLUMN\(\),4\)""")]
    private static partial Regex LabelKey();
}
