using System.Globalization;
using System.Text;

namespace Workflow.Cmrt.Reference;

/// <summary>Name normalisation used to match smelter names typed by suppliers to reference names.</summary>
public static class SmelterNames
{
    private static readonly HashSet<string> NoiseWords = new(StringComparer.Ordinal)
    {
        "co", "company", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc", "sa", "ag", "gmbh",
        "plc", "bv", "nv", "spa", "srl", "the", "of", "and", "pt", "tbk", "jsc", "oao", "ojsc", "pjsc", "kk", "sdn", "bhd",
    };

    /// <summary>Lower case, accents removed, punctuation to spaces, legal-form words dropped, single spaces.</summary>
    public static string Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return string.Empty;
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !NoiseWords.Contains(w));
        return string.Join(' ', words);
    }

    /// <summary>
    /// Similarity (0–1) of two names after <see cref="Normalise"/>: character-bigram Dice of the names without spaces,
    /// or 0.9 when every word of the shorter name (at least two words) occurs in the longer one. So
    /// "Allgemeine Gold- &amp; Silberscheideanstalt" meets "Allgemeine Gold-und Silberscheideanstalt A.G." and
    /// "Ganzhou Huaxing Tungsten" meets "Ganzhou Huaxing Tungsten Products Co., Ltd.".
    /// </summary>
    public static double Similarity(string? a, string? b) => SimilarityOfKeys(Normalise(a), Normalise(b));

    internal static double SimilarityOfKeys(string a, string b)
    {
        var dice = Dice(a.Replace(" ", string.Empty, StringComparison.Ordinal), b.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (dice >= 0.9) return dice;
        var wa = a.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var wb = b.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (shorter, longer) = wa.Length <= wb.Length ? (wa, wb) : (wb, wa);
        return shorter.Length >= 2 && shorter.All(longer.Contains) ? 0.9 : dice;
    }

    private static double Dice(string a, string b)
    {
        if (a.Length < 2 || b.Length < 2) return a == b && a.Length > 0 ? 1 : 0;
        var bigrams = new Dictionary<int, int>();
        for (var i = 0; i < a.Length - 1; i++)
        {
            var key = (a[i] << 16) | a[i + 1];
            bigrams[key] = bigrams.GetValueOrDefault(key) + 1;
        }
        var shared = 0;
        for (var i = 0; i < b.Length - 1; i++)
        {
            var key = (b[i] << 16) | b[i + 1];
            if (bigrams.TryGetValue(key, out var n) && n > 0) { shared++; bigrams[key] = n - 1; }
        }
        return 2.0 * shared / (a.Length - 1 + b.Length - 1);
    }
}
