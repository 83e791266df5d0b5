using System.Globalization;

namespace Workflow.Api.Pages.Html;

/// <summary>
/// Filter forms submit every field, empty ones as "" (e.g. "All campaigns"); binding those straight to Guid? or int?
/// would answer 400, so pages take strings and read them here: empty or malformed means "no filter".
/// </summary>
public static class QueryValues
{
    public static Guid? Guid(string? value) => System.Guid.TryParse(value, out var g) ? g : null;

    public static int? Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
