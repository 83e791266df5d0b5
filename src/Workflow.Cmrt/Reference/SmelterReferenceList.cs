using System.Text.RegularExpressions;
using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Reference;

/// <summary>
/// An immutable, versioned RMI smelter reference list with look-ups by CID, by old V2 ID and by metal + name
/// (standard name or alias, normalised). Loaders for the real list formats live beside it.
/// </summary>
public sealed partial class SmelterReferenceList
{
    private readonly Dictionary<string, SmelterReference> _byCid = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SmelterReference> _byV2 = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(Metal, string), SmelterReference> _byName = new();
    private readonly List<(Metal Metal, string Key, SmelterReference Entry)> _names = [];

    public SmelterReferenceList(string version, IEnumerable<SmelterReference> entries)
    {
        Version = version;
        foreach (var e in entries)
        {
            _byCid.TryAdd(e.Cid, e);
            if (!string.IsNullOrEmpty(e.V2Id)) _byV2.TryAdd(e.V2Id, e);
            _byName.TryAdd((e.Metal, SmelterNames.Normalise(e.StandardName)), e);
            _names.Add((e.Metal, SmelterNames.Normalise(e.StandardName), e));
            foreach (var alias in e.Aliases ?? [])
            {
                _byName.TryAdd((e.Metal, SmelterNames.Normalise(alias)), e);
                _names.Add((e.Metal, SmelterNames.Normalise(alias), e));
            }
        }
    }

    public static SmelterReferenceList Empty { get; } = new("none", []);

    /// <summary>Which import this is (e.g. "RMI_CMRT_6.5 Smelter Look-up" or an import timestamp).</summary>
    public string Version { get; }
    public IReadOnlyCollection<SmelterReference> All => _byCid.Values;
    public int Count => _byCid.Count;

    public SmelterReference? ByCid(string? cid) =>
        cid is not null && _byCid.TryGetValue(cid.Trim(), out var r) ? r : null;

    public SmelterReference? ByV2Id(string? v2) =>
        v2 is not null && _byV2.TryGetValue(v2.Trim(), out var r) ? r : null;

    public SmelterReference? ByName(Metal metal, string? name)
    {
        var key = SmelterNames.Normalise(name);
        return key.Length > 0 && _byName.TryGetValue((metal, key), out var r) ? r : null;
    }

    /// <summary>
    /// The entry whose standard name or alias is most similar (<see cref="SmelterNames.Similarity"/>) to
    /// <paramref name="name"/>, if at least <paramref name="threshold"/>; for names typed slightly differently.
    /// </summary>
    public SmelterReference? BySimilarName(Metal metal, string? name, double threshold = 0.85)
    {
        var key = SmelterNames.Normalise(name);
        if (key.Length < 4) return null;
        SmelterReference? best = null;
        var bestScore = threshold;
        foreach (var (m, k, e) in _names)
        {
            if (m != metal) continue;
            var score = SmelterNames.SimilarityOfKeys(key, k);
            if (score >= bestScore) (best, bestScore) = (e, score);
        }
        return best;
    }

    public static bool IsCid(string? text) => text is not null && CidPattern().IsMatch(text.Trim());
    public static bool IsV2Id(string? text) => text is not null && V2Pattern().IsMatch(text.Trim());

    [GeneratedRegex("^CID[0-9]{6}$", RegexOptions.IgnoreCase)]
    private static partial Regex CidPattern();

    [GeneratedRegex("^[1-4][A-Z]{3}[0-9]{3}$", RegexOptions.IgnoreCase)]
    private static partial Regex V2Pattern();
}
