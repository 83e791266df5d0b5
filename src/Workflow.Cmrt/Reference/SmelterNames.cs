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
}
