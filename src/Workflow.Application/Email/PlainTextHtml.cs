using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Workflow.Application.Email;

public enum TextBlockKind { Paragraph, NumberedList, BulletList }

/// <summary>A piece of a line: plain text, or a web address to make clickable.</summary>
public sealed record TextRun(string Text, bool IsLink);

/// <summary>A paragraph (its lines) or a list (its items), each line cut into runs.</summary>
public sealed record TextBlock(TextBlockKind Kind, IReadOnlyList<IReadOnlyList<TextRun>> Lines);

/// <summary>
/// The HTML alternative of a plain-text message, derived from the text so the two never say different things:
/// blank lines separate paragraphs, numbered or dashed lines become lists, web addresses become links. Mail clients
/// that show HTML then wrap long findings and make the upload link clickable; the text part stays for the rest.
/// <see cref="MessageHtml"/> writes the blocks as HTML, rendered outside any request.
/// </summary>
public static partial class PlainTextHtml
{
    // Letters of every script stay as they are (the message is UTF-8); only markup characters are escaped.
    private static readonly IServiceProvider RendererServices = new ServiceCollection()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider();

    public static async Task<string> FromAsync(string text, string language, string title)
    {
        // A renderer keeps every component it rendered, so one per message rather than one for the process.
        await using var renderer = new HtmlRenderer(RendererServices, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<MessageHtml>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MessageHtml.Language)] = language,
                [nameof(MessageHtml.Title)] = title,
                [nameof(MessageHtml.Blocks)] = Blocks(text),
            }));
            return output.ToHtmlString();
        });
    }

    public static IReadOnlyList<TextBlock> Blocks(string text)
    {
        var blocks = new List<TextBlock>();
        foreach (var block in Regex.Split(text.Replace("\r\n", "\n").Trim(), @"\n\s*\n"))
        {
            var lines = block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count == 0) continue;
            if (lines.All(l => ListItem().IsMatch(l)))
            {
                var numbered = lines.All(l => char.IsDigit(l[0]));
                blocks.Add(new TextBlock(numbered ? TextBlockKind.NumberedList : TextBlockKind.BulletList,
                    lines.Select(l => Runs(ListItem().Replace(l, "", 1))).ToList()));
            }
            else
            {
                blocks.Add(new TextBlock(TextBlockKind.Paragraph, lines.Select(Runs).ToList()));
            }
        }
        return blocks;
    }

    private static IReadOnlyList<TextRun> Runs(string line)
    {
        var runs = new List<TextRun>();
        var last = 0;
        foreach (Match url in Url().Matches(line))
        {
            if (url.Index > last) runs.Add(new TextRun(line[last..url.Index], false));
            runs.Add(new TextRun(url.Value, true));
            last = url.Index + url.Length;
        }
        if (last < line.Length) runs.Add(new TextRun(line[last..], false));
        return runs;
    }

    [GeneratedRegex(@"^(\d+\.|[-•*])\s+")]
    private static partial Regex ListItem();

    // Stops before trailing punctuation that ends a sentence rather than the address.
    [GeneratedRegex(@"https?://[^\s<>""]+[^\s<>"".,;:!?)]")]
    private static partial Regex Url();
}
