using System.Globalization;
using System.Text;
using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Reading;

/// <summary>
/// Maps what a supplier typed or picked to a meaning, tolerant of case, spacing and punctuation differences
/// between template versions (e.g. "No, but greater than 75% " with a trailing space, "IPC-1755 [e.g., CMRT]").
/// </summary>
internal static class AnswerNormaliser
{
    /// <summary>Lower-case letters, digits and the symbols that carry meaning (%, &lt;, &gt;); everything else dropped.</summary>
    public static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (c is '%' or '<' or '>') sb.Append(c);
        }
        return sb.ToString();
    }

    public static AnswerCell Interpret(string? raw, double? number, IReadOnlyList<string> allowed, string location, string? comment, string question)
    {
        // The 6.x list sheet stores "100%" as the number 1 formatted as percent.
        if (number is 1d && allowed.Contains("100%")) raw = "100%";
        else if (number is not null && raw is not null && allowed.Contains("100%") && raw == "100") raw = "100%";
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
            return new AnswerCell(null, Answer.Blank, location, comment) { Question = question, Allowed = allowed };
        var key = Key(text);
        var match = allowed.FirstOrDefault(a => Key(a) == key);
        var value = match is null ? Answer.NotAllowed : Meaning(key);
        return new AnswerCell(text, value, location, comment) { Question = question, Allowed = allowed };
    }

    private static Answer Meaning(string key)
    {
        if (key is "unknown" or "uncertainorunknown") return Answer.Unknown;
        if (key.StartsWith("yes", StringComparison.Ordinal) || key == "100%") return Answer.Yes;
        return Answer.No;
    }

    /// <summary>Lower bound of the band chosen for "what share of suppliers responded"; null when blank or not allowed.</summary>
    public static ResponseRate? Rate(AnswerCell cell)
    {
        if (cell.Value is Answer.Blank or Answer.NotAllowed) return null;
        if (cell.Value == Answer.Yes) return new ResponseRate(100, true);
        var key = Key(cell.Raw);
        if (key.Contains("lessthan") || key.Contains('<') || key.Contains("orless") || key.Contains("none")) return new ResponseRate(0, false);
        var digits = new string(key.Where(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < 100
            ? new ResponseRate(n, false)
            : new ResponseRate(0, false);
    }
}
