using Workflow.Cmrt.Reading.Workbook;

namespace Workflow.Cmrt.Reading;

/// <summary>
/// The template's own content below a list's data area, recognised by what the blank templates put there rather than
/// by row numbers (which differ per revision): the copyright line ("© 2011 Electronic Industry Citizenship Coalition…",
/// "© 2025 Responsible Minerals Initiative"), a filler cell of one repeated letter ("AAAA…", 2.00–2.02), and the
/// translation table whose first row names the template's languages (English, Chinese, Japanese, …; 2.00–2.02 keep it
/// in the Smelter List and Product List, followed by the column labels in each language and helper lists). Supplier rows
/// end where the first of these starts.
/// </summary>
internal static class TemplateBlocks
{
    /// <summary>The language names of the translation tables' header row, in English and as the drop-down shows them.</summary>
    private static readonly HashSet<string> LanguageNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "English", "Chinese", "Japanese", "Korean", "French", "Portugese", "Portuguese", "German", "Spanish", "Italian", "Turkish",
        "中文 Chinese", "日本語 Japanese", "한국어 Korean", "Français", "Português", "Deutsch", "Español", "Italiano", "Türkçe",
    };

    private const int FillerLength = 20;
    private const int LanguagesInHeader = 3;

    public static bool IsFooter(string? text) =>
        text is not null && (text.StartsWith('©') || text.StartsWith("(c) ", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="row"/> is where the template's own blocks start.</summary>
    public static bool StartAt(SheetData sheet, int row, int lastColumn)
    {
        var languages = 0;
        for (var column = 1; column <= lastColumn; column++)
        {
            var text = sheet.Text(row, column);
            if (text is null) continue;
            if (column <= 2 && IsFooter(text)) return true;
            if (IsFiller(text)) return true;
            if (LanguageNames.Contains(text) && ++languages >= LanguagesInHeader) return true;
        }
        return false;
    }

    private static bool IsFiller(string text)
    {
        if (text.Length < FillerLength || !char.IsAsciiLetter(text[0])) return false;
        foreach (var c in text)
            if (c != text[0]) return false;
        return true;
    }
}
