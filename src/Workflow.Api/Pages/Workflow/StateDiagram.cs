using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static Workflow.Api.Pages.Html.Html;

namespace Workflow.Api.Pages.Workflow;

public sealed record DiagramTransition(string From, string To, string Trigger, string? Guard);

/// <summary>
/// Reads the Mermaid text generated from the state machine (so the page can never disagree with the code) and draws
/// the six visible states as an SVG, with each sub-state inside its parent; every transition is also listed in a table.
/// </summary>
public sealed partial class StateDiagram
{
    private static readonly string[] Visible = ["Surveyed", "Responded", "Invalid", "Corrected", "Escalated", "Terminated"];
    private static readonly Dictionary<string, (int X, int Y)> Positions = new()
    {
        ["Surveyed"] = (20, 30), ["Responded"] = (400, 30), ["Escalated"] = (780, 170),
        ["Invalid"] = (20, 330), ["Corrected"] = (400, 330), ["Terminated"] = (780, 420),
    };
    private const int BoxWidth = 220, BoxHeight = 110;

    public required IReadOnlyDictionary<string, IReadOnlyList<string>> SubStates { get; init; }
    public required IReadOnlyList<DiagramTransition> Transitions { get; init; }

    public static StateDiagram Parse(string mermaid)
    {
        var sub = new Dictionary<string, IReadOnlyList<string>>();
        var transitions = new List<DiagramTransition>();
        string? parent = null;
        var children = new List<string>();
        foreach (var raw in mermaid.Split('\n'))
        {
            var line = raw.Trim();
            if (CompositeStart().Match(line) is { Success: true } c) { parent = c.Groups[1].Value; children = []; continue; }
            if (line == "}" && parent is not null) { sub[parent] = children; parent = null; continue; }
            if (Arrow().Match(line) is { Success: true } a)
            {
                if (a.Groups[1].Value == "[*]") continue;
                transitions.Add(new DiagramTransition(a.Groups[1].Value, a.Groups[2].Value, a.Groups[3].Value.Trim(),
                    a.Groups[4].Success ? a.Groups[4].Value.Trim() : null));
                continue;
            }
            if (parent is not null && line.Length > 0) children.Add(line);
        }
        return new StateDiagram { SubStates = sub, Transitions = transitions };
    }

    public string VisibleStateOf(string name) =>
        SubStates.FirstOrDefault(kv => kv.Value.Contains(name)).Key ?? name;

    public string Svg()
    {
        var svg = new StringBuilder("""<svg viewBox="0 0 1020 560" role="img" aria-labelledby="diagram-title" class="diagram"><title id="diagram-title">Supplier case states and the transitions between them</title><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>""");
        var edges = Transitions.Select(t => (From: VisibleStateOf(t.From), To: VisibleStateOf(t.To), t.Trigger))
            .Where(e => e.From != e.To).GroupBy(e => (e.From, e.To));
        foreach (var g in edges)
        {
            var (x1, y1) = Centre(g.Key.From);
            var (x2, y2) = Centre(g.Key.To);
            (x1, y1) = Edge(x1, y1, x2, y2);
            (x2, y2) = Edge(x2, y2, x1, y1);
            // Two opposite edges between the same pair are drawn apart so both labels stay readable.
            var bend = string.CompareOrdinal(g.Key.From, g.Key.To) < 0 ? 30 : -30;
            var mx = (x1 + x2) / 2 - (y2 - y1) / Math.Max(1, Dist(x1, y1, x2, y2)) * bend;
            var my = (y1 + y2) / 2 + (x2 - x1) / Math.Max(1, Dist(x1, y1, x2, y2)) * bend;
            var label = string.Join(", ", g.Select(e => e.Trigger).Distinct());
            svg.Append(CultureInfo.InvariantCulture, $"""<path d="M{x1:0},{y1:0} Q{mx:0},{my:0} {x2:0},{y2:0}" class="edge" marker-end="url(#arrow)"/><text x="{mx:0}" y="{my:0}" class="edge-label" text-anchor="middle">{E(label)}</text>""");
        }
        foreach (var state in Visible)
        {
            var (x, y) = Positions[state];
            var subs = SubStates.GetValueOrDefault(state) ?? [];
            svg.Append(CultureInfo.InvariantCulture, $"""<g class="state state-{state.ToLowerInvariant()}"><rect x="{x}" y="{y}" width="{BoxWidth}" height="{BoxHeight}" rx="10"/><text x="{x + BoxWidth / 2}" y="{y + 26}" text-anchor="middle" class="state-name">{state}</text>""");
            for (var i = 0; i < subs.Count; i++)
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + BoxWidth / 2}" y="{y + 50 + i * 18}" text-anchor="middle" class="sub-state">{E(subs[i])}</text>""");
            svg.Append("</g>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static (double X, double Y) Centre(string state) =>
        Positions.TryGetValue(state, out var p) ? (p.X + BoxWidth / 2.0, p.Y + BoxHeight / 2.0) : (0, 0);

    private static double Dist(double x1, double y1, double x2, double y2) => Math.Sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1));

    /// <summary>Where the line from a box's centre towards a point leaves the box.</summary>
    private static (double, double) Edge(double cx, double cy, double tx, double ty)
    {
        var dx = tx - cx; var dy = ty - cy;
        var scale = Math.Min(dx == 0 ? double.MaxValue : (BoxWidth / 2.0) / Math.Abs(dx), dy == 0 ? double.MaxValue : (BoxHeight / 2.0) / Math.Abs(dy));
        return (cx + dx * scale, cy + dy * scale);
    }

    [GeneratedRegex(@"^state (\w+) \{$")]
    private static partial Regex CompositeStart();

    [GeneratedRegex(@"^(\[\*\]|\w+) --> (\w+)(?: : ([^\[]+?))?\s*(?:\[(.+)\])?$")]
    private static partial Regex Arrow();
}
