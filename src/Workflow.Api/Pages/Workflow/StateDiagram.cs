using System.Globalization;
using System.Text.RegularExpressions;

namespace Workflow.Api.Pages.Workflow;

public sealed record DiagramTransition(string From, string To, string Trigger, string? Guard);

/// <summary>A state's box in the drawing, with its sub-states listed inside.</summary>
public sealed record DiagramBox(string State, int X, int Y, IReadOnlyList<string> SubStates)
{
    public int Width => StateDiagram.BoxWidth;
    public int Height => StateDiagram.BoxHeight;
    public int CentreX => X + Width / 2;
}

/// <summary>An arrow between two boxes (a quadratic curve) and its label: the triggers that move a case that way.</summary>
public sealed record DiagramEdge(string Path, string LabelX, string LabelY, string Label);

/// <summary>
/// Reads the Mermaid text generated from the state machine (so the page can never disagree with the code) and lays
/// out the six visible states, with each sub-state inside its parent; <c>StateDiagramSvg</c> draws it.
/// </summary>
public sealed partial class StateDiagram
{
    public const int BoxWidth = 220, BoxHeight = 110;
    private static readonly string[] Visible = ["Surveyed", "Responded", "Invalid", "Corrected", "Escalated", "Terminated"];
    private static readonly Dictionary<string, (int X, int Y)> Positions = new()
    {
        ["Surveyed"] = (20, 30), ["Responded"] = (400, 30), ["Escalated"] = (780, 170),
        ["Invalid"] = (20, 330), ["Corrected"] = (400, 330), ["Terminated"] = (780, 420),
    };

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

    public IReadOnlyList<DiagramBox> Boxes() =>
        Visible.Select(s => new DiagramBox(s, Positions[s].X, Positions[s].Y, SubStates.GetValueOrDefault(s) ?? [])).ToList();

    /// <summary>One arrow per pair of visible states, labelled with every trigger between them.</summary>
    public IReadOnlyList<DiagramEdge> Edges()
    {
        var edges = new List<DiagramEdge>();
        foreach (var g in Transitions.Select(t => (From: VisibleStateOf(t.From), To: VisibleStateOf(t.To), t.Trigger))
                     .Where(e => e.From != e.To).GroupBy(e => (e.From, e.To)))
        {
            var (x1, y1) = Centre(g.Key.From);
            var (x2, y2) = Centre(g.Key.To);
            (x1, y1) = Edge(x1, y1, x2, y2);
            (x2, y2) = Edge(x2, y2, x1, y1);
            // Two opposite edges between the same pair are drawn apart so both labels stay readable.
            var bend = string.CompareOrdinal(g.Key.From, g.Key.To) < 0 ? 30 : -30;
            var mx = (x1 + x2) / 2 - (y2 - y1) / Math.Max(1, Dist(x1, y1, x2, y2)) * bend;
            var my = (y1 + y2) / 2 + (x2 - x1) / Math.Max(1, Dist(x1, y1, x2, y2)) * bend;
            edges.Add(new DiagramEdge(string.Create(CultureInfo.InvariantCulture, $"M{x1:0},{y1:0} Q{mx:0},{my:0} {x2:0},{y2:0}"),
                mx.ToString("0", CultureInfo.InvariantCulture), my.ToString("0", CultureInfo.InvariantCulture),
                string.Join(", ", g.Select(e => e.Trigger).Distinct())));
        }
        return edges;
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
