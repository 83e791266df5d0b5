using System.Globalization;
using System.Text.Encodings.Web;

namespace Workflow.Api.Pages.Html;

/// <summary>Encoding and formatting for server-rendered HTML; every value from the database goes through <see cref="E"/>.</summary>
public static class Html
{
    public static string E(object? value) => HtmlEncoder.Default.Encode(value switch
    {
        null => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    });

    public static string Url(string value) => Uri.EscapeDataString(value);

    public static string Date(DateTimeOffset? at) => at is { } a ? a.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    public static string Day(DateTimeOffset? at) => at is { } a ? a.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    public static string Time(DateTimeOffset? at) =>
        at is { } a ? $"<time datetime=\"{a.UtcDateTime:O}\">{E(Date(a))}</time>" : "—";

    public static string Options(IEnumerable<(string Value, string Label)> options, string? selected) =>
        string.Concat(options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == selected ? " selected" : "")}>{E(o.Label)}</option>"));

    public static string Severity(string severity) => severity switch
    {
        "Error" => "<span class=\"badge error\">error</span>",
        "RedFlag" => "<span class=\"badge redflag\">red flag</span>",
        _ => "<span class=\"badge warning\">warning</span>",
    };

    public static string StateBadge(string? state) => state is null ? "<span class=\"badge\">not launched</span>"
        : $"<span class=\"badge state-{E(state.ToLowerInvariant())}\">{E(state)}</span>";
}
