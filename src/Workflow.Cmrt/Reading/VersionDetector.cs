using System.Globalization;
using System.Text.RegularExpressions;
using Workflow.Cmrt.Reading.Workbook;

namespace Workflow.Cmrt.Reading;

/// <summary>
/// Declaration!J3 "Revision x.yz" first (unchanged by the language choice), then the Smelter List revision cell,
/// then the last row of the Revision sheet's table.
/// </summary>
internal static partial class VersionDetector
{
    /// <summary>
    /// The title in D2 is translated with the labels, but keeps its abbreviation in brackets ("扩展矿物报告模版 (EMRT)");
    /// sheets only the other templates have settle titles without one.
    /// </summary>
    public static string DetectTemplate(SheetData declaration, IReadOnlyList<string> sheetNames)
    {
        var title = declaration.Text(2, 4) ?? string.Empty;
        if (title.Contains("EMRT", StringComparison.OrdinalIgnoreCase) || title.Contains("Extended Minerals", StringComparison.OrdinalIgnoreCase)) return "EMRT";
        if (title.Contains("AMRT", StringComparison.OrdinalIgnoreCase) || title.Contains("Additional Minerals", StringComparison.OrdinalIgnoreCase)) return "AMRT";
        if (title.Contains("(CRT)", StringComparison.OrdinalIgnoreCase) || title.Contains("Cobalt", StringComparison.OrdinalIgnoreCase)) return "CRT";
        if (sheetNames.Contains("Minerals Scope", StringComparer.OrdinalIgnoreCase)) return "AMRT";
        if (sheetNames.Contains("Mine List", StringComparer.OrdinalIgnoreCase)) return "EMRT";
        return "CMRT";
    }

    public static string? FromDeclaration(SheetData declaration) => Parse(declaration.Text(3, 10));

    public static string? FromSmelterList(SheetData? smelterList)
    {
        if (smelterList is null) return null;
        foreach (var column in new[] { 17, 15, 14 })
            if (Parse(smelterList.Text(3, column)) is { } v) return v;
        return null;
    }

    public static string? FromRevisionSheet(SheetData? revision)
    {
        if (revision is null) return null;
        string? last = null;
        for (var row = 1; row <= revision.MaxRow; row++)
        {
            var text = revision.Text(row, 2);
            if (text is not null && BareVersion().IsMatch(text)) last = Normalise(text);
        }
        return last;
    }

    public static int FamilyOf(string version) =>
        int.TryParse(version.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0;

    private static string? Parse(string? text)
    {
        if (text is null) return null;
        var m = RevisionText().Match(text);
        return m.Success ? Normalise(m.Groups[1].Value) : null;
    }

    /// <summary>"2" → "2.00" (2.00 prints "Revision 2"); everything else as printed ("6.1", "2.03a").</summary>
    private static string Normalise(string version) =>
        version.Contains('.') ? version.ToLowerInvariant() : version + (FamilyOf(version) >= 6 ? ".0" : ".00");

    [GeneratedRegex(@"Revision\s*([0-9]{1,2}(?:\.[0-9]{1,2})?[a-z]?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RevisionText();

    [GeneratedRegex(@"^[0-9]{1,2}(\.[0-9]{1,2})?[a-z]?$")]
    private static partial Regex BareVersion();
}
