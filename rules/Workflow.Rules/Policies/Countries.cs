using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Workflow.Rules.Policies;

/// <summary>
/// ISO 3166-1 countries by name, with the variants suppliers and smelter lists use ("DRC", "Tanzania",
/// "Congo, Democratic Republic of the", "UNITED STATES"). Everything resolves to the alpha-2 code so that a policy
/// written with one spelling matches a smelter list written with another.
/// </summary>
public static class Countries
{
    private static readonly Lazy<(Dictionary<string, string> ByKey, Dictionary<string, string> Names)> Table = new(Load);

    // Every smelter row asks for its country; the same few hundred spellings recur, and normalising is the costly part.
    // Bounded because the text comes from suppliers.
    private const int CacheLimit = 10_000;
    private static readonly ConcurrentDictionary<string, string?> Cache = new(StringComparer.Ordinal);

    /// <summary>The alpha-2 code for a name, variant, alpha-2 or alpha-3 code; null when not a known country.</summary>
    public static string? Resolve(string? nameOrCode)
    {
        if (nameOrCode is null) return null;
        if (Cache.TryGetValue(nameOrCode, out var cached)) return cached;
        var key = Key(nameOrCode);
        var code = key.Length > 0 && Table.Value.ByKey.TryGetValue(key, out var c) ? c : null;
        if (Cache.Count < CacheLimit) Cache.TryAdd(nameOrCode, code);
        return code;
    }

    /// <summary>Every country of the embedded list: alpha-2 code and ISO short name, by name.</summary>
    public static IReadOnlyList<(string Code, string Name)> All => AllSorted.Value;
    private static readonly Lazy<IReadOnlyList<(string Code, string Name)>> AllSorted =
        new(() => Table.Value.Names.Select(kv => (kv.Key, kv.Value)).OrderBy(c => c.Value, StringComparer.InvariantCulture).ToList());

    /// <summary>The ISO short name for an alpha-2 code, for messages.</summary>
    public static string NameOf(string code) => Table.Value.Names.TryGetValue(code, out var n) ? n : code;

    private static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        }
        var key = sb.ToString().Trim();
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }

    private static (Dictionary<string, string>, Dictionary<string, string>) Load()
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = typeof(Countries).Assembly.GetManifestResourceStream("Workflow.Rules.countries.tsv")
            ?? throw new InvalidOperationException("The embedded country list is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            var code = cells[0];
            names[code] = cells[2];
            foreach (var cell in cells) byKey.TryAdd(Key(cell), code);
        }
        return (byKey, names);
    }
}
