using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading.Workbook;
using Workflow.Cmrt.Reference;

namespace Workflow.Cmrt.Reading.Smelters;

/// <summary>
/// The look-up table the workbook itself carries (6.x "Smelter Look-up", 3.x hidden "K" and "Standard Smelter Names",
/// 2.x "K" and "Standard Smelter Names"), used when cached ID and country values are missing.
/// </summary>
internal sealed class WorkbookLookup
{
    private readonly Dictionary<(Metal, string), LookupEntry> _byName = new();
    private readonly Dictionary<string, string> _v2ToCid = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LookupEntry> _byId = new(StringComparer.OrdinalIgnoreCase);

    public static WorkbookLookup Empty { get; } = new();

    public int Count => _byName.Count;

    public LookupEntry? Find(Metal metal, string? name)
    {
        var key = SmelterNames.Normalise(name);
        return key.Length > 0 && _byName.TryGetValue((metal, key), out var e) ? e : null;
    }

    /// <summary>The most similar look-up name of the metal (see <see cref="SmelterNames.Similarity"/>), at least 0.85.</summary>
    public LookupEntry? FindSimilar(Metal metal, string? name)
    {
        var key = SmelterNames.Normalise(name);
        if (key.Length < 4) return null;
        LookupEntry? best = null;
        var bestScore = 0.85;
        foreach (var ((m, k), entry) in _byName)
        {
            if (m != metal) continue;
            var score = SmelterNames.SimilarityOfKeys(key, k);
            if (score > bestScore) (best, bestScore) = (entry, score);
        }
        return best;
    }

    public LookupEntry? ById(string? id) => id is not null && _byId.TryGetValue(id.Trim(), out var e) ? e : null;

    public string? CidForV2(string? v2) => v2 is not null && _v2ToCid.TryGetValue(v2.Trim(), out var cid) ? cid : null;

    public static WorkbookLookup Load(IWorkbook workbook, int family)
    {
        var lookup = new WorkbookLookup();
        // 4.x called the tab "Smelter Reference List" and 5.0 renamed it; its columns are assumed to be the later ones
        // (never seen). A guess that is wrong costs nothing: rows whose column A is not a metal are skipped.
        if (family >= 4 || family == 0)
        {
            var sheet = workbook.Sheet("Smelter Look-up", 9) ?? workbook.Sheet("Smelter Reference List", 9);
            if (sheet is not null)
                for (var row = 5; row <= sheet.MaxRow; row++)
                    lookup.Add(sheet.Text(row, 1), sheet.Text(row, 2), sheet.Text(row, 3), sheet.Text(row, 4), sheet.Text(row, 5), sheet.Text(row, 9));
        }
        if (family is 2 or 3)
        {
            var names = workbook.Sheet("Standard Smelter Names", 5);
            var k = workbook.Sheet("K", 7);
            var standardIds = new Dictionary<(Metal, string), string>();
            if (names is not null)
            {
                for (var row = 3; row <= names.MaxRow; row++)
                {
                    var metal = MetalNames.TryParse(names.Text(row, 1));
                    var standard = names.Text(row, 2);
                    if (metal is null || standard is null) continue;
                    if (family == 3)
                    {
                        var (oldId, newId) = (names.Text(row, 4), names.Text(row, 5));
                        if (oldId is not null && newId is not null) lookup._v2ToCid.TryAdd(oldId, newId);
                        lookup.Add(names.Text(row, 1), standard, standard, names.Text(row, 3), newId);
                        if (newId is not null) standardIds.TryAdd((metal.Value, SmelterNames.Normalise(standard)), newId);
                    }
                    else
                    {
                        var (aliases, country, id) = (names.Text(row, 3), names.Text(row, 4), names.Text(row, 5));
                        lookup.Add(names.Text(row, 1), standard, standard, country, id);
                        if (id is not null) standardIds.TryAdd((metal.Value, SmelterNames.Normalise(standard)), id);
                        foreach (var alias in (aliases ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                            lookup.Add(names.Text(row, 1), alias, standard, country, id);
                    }
                }
            }
            if (k is not null)
            {
                for (var row = 2; row <= k.MaxRow; row++)
                {
                    var metal = MetalNames.TryParse(k.Text(row, 1));
                    var common = k.Text(row, 4);
                    var id = k.Text(row, 6);
                    // 2.x K carries no ID: take it from the standard-name table by common name.
                    if (id is null && metal is not null && common is not null)
                        standardIds.TryGetValue((metal.Value, SmelterNames.Normalise(common)), out id);
                    lookup.Add(k.Text(row, 1), k.Text(row, 2), common, k.Text(row, 3), id, overwrite: true);
                }
            }
        }
        return lookup;
    }

    private void Add(string? metalText, string? lookupName, string? standardName, string? country, string? id, string? state = null, bool overwrite = false)
    {
        var metal = MetalNames.TryParse(metalText);
        var key = SmelterNames.Normalise(lookupName);
        if (metal is null || key.Length == 0) return;
        var entry = new LookupEntry(metal.Value, lookupName!, standardName, country, id, state);
        if (id is not null) _byId.TryAdd(id, entry);
        if (overwrite) _byName[(metal.Value, key)] = entry;
        else _byName.TryAdd((metal.Value, key), entry);
    }
}
