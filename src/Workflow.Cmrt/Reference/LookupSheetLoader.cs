using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Reading.Workbook;

namespace Workflow.Cmrt.Reference;

/// <summary>
/// Reads the "Smelter Look-up" sheet of an RMI template (6.x; header row 4: Metal, Look-up name, Standard name,
/// Country, Smelter ID, Source, Street, City, State/Province) into a reference list; alias rows become aliases.
/// </summary>
public static class LookupSheetLoader
{
    public static SmelterReferenceList Load(string path, CmrtReaderOptions? options = null)
    {
        using var file = File.OpenRead(path);
        var version = $"{Path.GetFileNameWithoutExtension(path)} Smelter Look-up";
        return Load(file, version, options);
    }

    public static SmelterReferenceList Load(Stream stream, string version, CmrtReaderOptions? options = null)
    {
        using var workbook = WorkbookOpener.Open(stream, options ?? CmrtReaderOptions.Default);
        var sheet = workbook.Sheet("Smelter Look-up", 9) ?? workbook.Sheet("Smelter Reference List", 9)
            ?? throw new InvalidDataException("The workbook has no 'Smelter Look-up' sheet.");
        return FromSheet(sheet, version);
    }

    internal static SmelterReferenceList FromSheet(SheetData sheet, string version)
    {
        var byCid = new Dictionary<string, (SmelterReference Entry, List<string> Aliases)>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        for (var row = 5; row <= sheet.MaxRow; row++)
        {
            var metal = MetalNames.TryParse(sheet.Text(row, 1));
            var cid = sheet.Text(row, 5);
            var standard = sheet.Text(row, 3);
            if (metal is null || standard is null || !SmelterReferenceList.IsCid(cid)) continue;
            cid = cid!.ToUpperInvariant();
            if (!byCid.TryGetValue(cid, out var item))
            {
                item = (new SmelterReference(cid, metal.Value, standard, sheet.Text(row, 4) ?? string.Empty, sheet.Text(row, 9)), []);
                byCid[cid] = item;
                order.Add(cid);
            }
            if (sheet.Text(row, 2) is { } alias && !string.Equals(alias, standard, StringComparison.OrdinalIgnoreCase)) item.Aliases.Add(alias);
        }
        return new SmelterReferenceList(version, order.Select(c => byCid[c].Entry with { Aliases = byCid[c].Aliases }));
    }
}
