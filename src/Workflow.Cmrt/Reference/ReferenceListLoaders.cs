using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Reference;

/// <summary>Loaders for the known smelter-list file shapes (docs/cmrt-format.md §13).</summary>
public static class ReferenceListLoaders
{
    /// <summary>
    /// smelter_references.csv: METAL, COUNTRY, STANDARD SMELTER NAME, KEY TERM 1..4, V2 Smelter ID, V3 Smelter ID.
    /// Key terms are kept as aliases only when they are more than one word, since single words ("Perth") are too loose.
    /// </summary>
    public static SmelterReferenceList SmelterReferencesCsv(string path)
    {
        var entries = new List<SmelterReference>();
        foreach (var row in CsvTable.ParseFile(path).Skip(1))
        {
            if (row.Length < 9) continue;
            var metal = MetalNames.TryParse(row[0]);
            var cid = row[8].Trim();
            if (metal is null || !SmelterReferenceList.IsCid(cid)) continue;
            var aliases = row[3..7].Select(t => t.Trim()).Where(t => t.Contains(' ')).ToList();
            entries.Add(new SmelterReference(cid.ToUpperInvariant(), metal.Value, row[2].Trim(), row[1].Trim(),
                V2Id: SmelterReferenceList.IsV2Id(row[7]) ? row[7].Trim().ToUpperInvariant() : null, Aliases: aliases));
        }
        return new SmelterReferenceList($"smelter_references.csv ({entries.Count})", entries);
    }

    /// <summary>cfsi_compliant_smelters_list.csv: Metal, New Smelter ID, Smelter Name, Location, Status (Windows-1252).</summary>
    public static SmelterReferenceList CfsiStatusCsv(string path)
    {
        var entries = new List<SmelterReference>();
        foreach (var row in CsvTable.ParseFile(path).Skip(1))
        {
            if (row.Length < 5) continue;
            var metal = MetalNames.TryParse(row[0]);
            var cid = row[1].Trim();
            if (metal is null || !SmelterReferenceList.IsCid(cid)) continue;
            entries.Add(new SmelterReference(cid.ToUpperInvariant(), metal.Value, row[2].Trim(), row[3].Trim(), AuditStatus: NullIfEmpty(row[4])));
        }
        return new SmelterReferenceList($"cfsi_compliant_smelters_list.csv ({entries.Count})", entries);
    }

    /// <summary>v2_to_v3_translation_data.csv: Metal, Name, Country, V2 ID, CID (header ",,,Version 2,Version 3").</summary>
    public static SmelterReferenceList V2TranslationCsv(string path)
    {
        var entries = new List<SmelterReference>();
        foreach (var row in CsvTable.ParseFile(path))
        {
            if (row.Length < 5) continue;
            var metal = MetalNames.TryParse(row[0]);
            var cid = row[4].Trim();
            if (metal is null || !SmelterReferenceList.IsCid(cid)) continue;
            entries.Add(new SmelterReference(cid.ToUpperInvariant(), metal.Value, row[1].Trim(), row[2].Trim(),
                V2Id: SmelterReferenceList.IsV2Id(row[3]) ? row[3].Trim().ToUpperInvariant() : null));
        }
        return new SmelterReferenceList($"v2_to_v3_translation_data.csv ({entries.Count})", entries);
    }

    /// <summary>
    /// Everything a directory such as ../shared/data/reference offers, merged: names and V2 IDs first, statuses last.
    /// Files that are absent are skipped.
    /// </summary>
    public static SmelterReferenceList Directory(string directory)
    {
        var lists = new List<SmelterReferenceList>();
        void TryAdd(string file, Func<string, SmelterReferenceList> load)
        {
            var path = Path.Combine(directory, file);
            if (File.Exists(path)) lists.Add(load(path));
        }
        TryAdd("smelter_references.csv", SmelterReferencesCsv);
        TryAdd("v2_to_v3_translation_data.csv", V2TranslationCsv);
        TryAdd("cfsi_compliant_smelters_list.csv", CfsiStatusCsv);
        return SmelterReferenceMerger.Merge($"dir:{Path.GetFileName(Path.GetFullPath(directory).TrimEnd('/'))}", lists);
    }

    internal static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
