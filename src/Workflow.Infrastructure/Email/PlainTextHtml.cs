using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// The HTML alternative of a plain-text message, derived from the text so the two never say different things:
/// blank lines separate paragraphs, numbered or dashed lines become lists, web addresses become links. Mail clients
/// that show HTML then wrap long findings and make the upload link clickable; the text part stays for the rest.
/// </summary>
public static partial class PlainTextHtml
{
    public static string From(string text, string language, string title)
    {
        var html = new StringBuilder();
        html.Append($"<!doctype html><html lang=\"{WebUtility.HtmlEncode(language)}\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(title))
            .Append("</title></head><body style=\"font-family:sans-serif;line-height:1.4;max-width:48em\">");
        foreach (var block in Regex.Split(text.Replace("\r\n", "\n").Trim(), @"\n\s*\n"))
        {
            var lines = block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count == 0) continue;
            if (lines.All(l => ListItem().IsMatch(l)))
            {
                var ordered = lines.All(l => char.IsDigit(l[0]));
                html.Append(ordered ? "<ol>" : "<ul>");
                foreach (var l in lines) html.Append("<li>").Append(Inline(ListItem().Replace(l, "", 1))).Append("</li>");
                html.Append(ordered ? "</ol>" : "</ul>");
            }
            else
            {
                html.Append("<p>").Append(string.Join("<br>", lines.Select(Inline))).Append("</p>");
            }
        }
        return html.Append("</body></html>").ToString();
    }

    private static string Inline(string line)
    {
        var sb = new StringBuilder();
        var last = 0;
        foreach (Match url in Url().Matches(line))
        {
            sb.Append(WebUtility.HtmlEncode(line[last..url.Index]));
            var href = WebUtility.HtmlEncode(url.Value);
            sb.Append($"<a href=\"{href}\">{href}</a>");
            last = url.Index + url.Length;
        }
        return sb.Append(WebUtility.HtmlEncode(line[last..])).ToString();
    }

    [GeneratedRegex(@"^(\d+\.|[-•*])\s+")]
    private static partial Regex ListItem();

    // Stops before trailing punctuation that ends a sentence rather than the address.
    [GeneratedRegex(@"https?://[^\s<>""]+[^\s<>"".,;:!?)]")]
    private static partial Regex Url();
}
