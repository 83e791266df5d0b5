using System.Text.RegularExpressions;

namespace Workflow.Application.Email;

/// <summary>A template file: a "Subject:" line, a blank line, the body; {{name}} placeholders in both.</summary>
public sealed partial record MessageTemplate(string Kind, string Language, string Subject, string Body, string Source)
{
    public static MessageTemplate Parse(string kind, string language, string text, string source)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length < 2 || !lines[0].StartsWith("Subject:", StringComparison.Ordinal) || lines[1].Length != 0)
            throw new InvalidOperationException($"{source}: a template starts with a 'Subject: ...' line followed by a blank line.");
        return new MessageTemplate(kind, language, lines[0]["Subject:".Length..].Trim(), string.Join('\n', lines[2..]).TrimEnd() + "\n", source);
    }

    public (string Subject, string Body) Render(IReadOnlyDictionary<string, string> values) =>
        (Fill(Subject, values).ReplaceLineEndings(" "), Fill(Body, values));

    // Unknown placeholders stay visible so a typo in a template shows in the first test mail, not never.
    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Placeholder();
}
