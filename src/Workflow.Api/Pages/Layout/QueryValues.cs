using System.Globalization;

namespace Workflow.Api.Pages.Layout;

/// <summary>
/// Filter forms submit every field, empty ones as "" (e.g. "All campaigns"); binding those straight to Guid? or int?
/// would answer 400, so pages take strings and read them here: empty or malformed means "no filter".
/// </summary>
public static class QueryValues
{
    public static Guid? Guid(string? value) => System.Guid.TryParse(value, out var g) ? g : null;

    /// <summary>An integer; one too large or too small for an int is read as the largest or smallest (a page past the end).</summary>
    public static int? Int(string? value)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) return i;
        var text = value?.Trim() ?? "";
        var digits = text.TrimStart('+', '-');
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return null;
        return text[0] == '-' ? int.MinValue : int.MaxValue;
    }

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
