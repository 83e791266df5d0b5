using System.Text;
using Workflow.Application.Wording;

namespace Workflow.Api.Pages.Workflow;

/// <summary>
/// Short words for a trigger or stage name on the diagram: the pages' one wording catalogue (<see cref="Plain"/>), so the
/// diagram says what the case page's history says; a name the catalogue lacks turns from PascalCase into words.
/// </summary>
public static class TriggerWording
{
    private static string? Catalogue(string name) => Plain.Triggers.TryGetValue(name, out var words) ? words : null;

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
