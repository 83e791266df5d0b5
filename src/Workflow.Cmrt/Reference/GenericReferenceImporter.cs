using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading;

namespace Workflow.Cmrt.Reference;

/// <summary>
/// Imports a smelter list in whatever tabular shape it comes (CSV, or the first fitting sheet of an .xlsx/.xls): finds
/// the header row within the first 30 rows by its column names (Smelter ID/CID, Metal, Standard Smelter Name, Country,
/// Status, V2/Old Smelter ID, State/Province). An RMI template is read through its "Smelter Look-up" sheet.
/// </summary>
public static class GenericReferenceImporter
{
    /// <summary>Most rows read from a CSV list; RMI's own lists have a few thousand.</summary>
    public const int MaxCsvRows = 100_000;

    /// <summary>
    /// Throws <see cref="InvalidDataException"/> naming the file and what is wrong for anything that is not a usable
    /// list, hostile files included (zip bombs, XML entity bombs, a real password, more rows than any list has).
    /// </summary>
    public static SmelterReferenceList Load(string path)
    {
        if (System.IO.Directory.Exists(path)) return ReferenceListLoaders.Directory(path);
        var bytes = File.ReadAllBytes(path);
        var version = $"{Path.GetFileName(path)} ({File.GetLastWriteTimeUtc(path):yyyy-MM-dd})";
        if (PhysicalFormSniffer.Sniff(bytes) == PhysicalForm.Unknown)
        {
            var table = CsvTable.Parse(new StringReader(CsvTable.DecodeText(bytes)), MaxCsvRows);
            return FromTable(table, version) ?? throw new InvalidDataException($"{path}: no header row with Smelter ID and Metal columns was found.");
        }
        SmelterReferenceList? list;
        try
        {
            list = FromWorkbook(bytes, version);
        }
        catch (Exception e) when (ReadFailures.Describe(e) is { } message)
        {
            throw new InvalidDataException($"{path}: {message}", e);
        }
        return list ?? throw new InvalidDataException($"{path}: no sheet with Smelter ID and Metal columns was found.");
    }

    private static SmelterReferenceList? FromWorkbook(byte[] bytes, string version)
    {
        using var workbook = WorkbookOpener.Open(new MemoryStream(bytes), CmrtReaderOptions.Default);
        if (workbook.Sheet("Smelter Look-up", 9) is { } lookup) return LookupSheetLoader.FromSheet(lookup, version);
        foreach (var name in workbook.SheetNames)
        {
            var sheet = workbook.Sheet(name, 30);
            if (sheet is null) continue;
            var table = Enumerable.Range(1, sheet.MaxRow)
                .Select(r => Enumerable.Range(1, 30).Select(c => sheet.Text(r, c) ?? string.Empty).ToArray()).ToList();
            if (FromTable(table, version) is { } list) return list;
        }
        return null;
    }

    public static SmelterReferenceList? FromTable(IReadOnlyList<string[]> rows, string version)
    {
        for (var h = 0; h < Math.Min(30, rows.Count); h++)
        {
            var header = rows[h].Select(c => AnswerNormaliser.Key(c)).ToArray();
            int Find(params string[] keys) => Array.FindIndex(header, c => keys.Any(k => c == k));
            int FindContaining(params string[] keys) => Array.FindIndex(header, c => keys.Any(k => c.Contains(k, StringComparison.Ordinal)));
            var cid = Find("cid", "smelterid", "v3smelterid", "newsmelterid", "smelteridentification", "smelteridentificationnumber", "facilityid");
            var metal = Find("metal", "mineral");
            if (cid < 0 || metal < 0) continue;
            var name = Find("standardsmeltername", "standardsmeltername", "standardsmelternames", "smeltername", "smelterreference", "facilityname");
            if (name < 0) name = FindContaining("smeltername", "name");
            var country = Find("country", "location", "smeltercountry", "smelterfacilitylocationcountry");
            if (country < 0) country = FindContaining("country");
            var status = FindContaining("status");
            var v2 = Find("v2smelterid", "oldsmelterid");
            var state = FindContaining("stateprovince");

            var entries = new List<SmelterReference>();
            foreach (var row in rows.Skip(h + 1))
            {
                string? At(int i) => i >= 0 && i < row.Length ? ReferenceListLoaders.NullIfEmpty(row[i]) : null;
                var m = MetalNames.TryParse(At(metal));
                var id = At(cid);
                if (m is null || !SmelterReferenceList.IsCid(id)) continue;
                var v2Id = At(v2);
                entries.Add(new SmelterReference(id!.ToUpperInvariant(), m.Value, At(name) ?? id!, At(country) ?? string.Empty, At(state),
                    SmelterReferenceList.IsV2Id(v2Id) ? v2Id!.ToUpperInvariant() : null, AuditStatus: At(status)));
            }
            return new SmelterReferenceList(version, entries);
        }
        return null;
    }
}
