using System.Text;

namespace Workflow.Api.Pages.Workflow;

/// <summary>
/// Short words for a trigger or stage name on the diagram. The fallback turns PascalCase into lower-case words
/// ("CmrtAccepted" → "CMRT accepted"); a catalogue of plain-language wording can take over through <see cref="Catalogue"/>.
/// </summary>
public static class TriggerWording
{
    /// <summary>Plain-language wording by name, consulted first; empty until a catalogue is wired in.</summary>
    public static Func<string, string?> Catalogue { get; set; } = _ => null;

    private static readonly Dictionary<string, string> Acronyms = new(StringComparer.OrdinalIgnoreCase) { ["cmrt"] = "CMRT" };

    public static string Of(string name) => Catalogue(name) ?? Words(name, capitalise: false);

    public static string StageLabel(string name) => Words(name, capitalise: true);

    internal static string Words(string name, bool capitalise)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in name)
        {
            if (char.IsUpper(ch) && current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
            current.Append(ch);
        }
        if (current.Length > 0) words.Add(current.ToString());
        var text = string.Join(' ', words.Select((w, i) =>
            Acronyms.TryGetValue(w, out var a) ? a : i == 0 && capitalise ? w : w.ToLowerInvariant()));
        return text;
    }
}
