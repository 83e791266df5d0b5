using System.Globalization;
using System.Text;
using Workflow.Domain.Cases;
using Workflow.StateMachines;

namespace Workflow.Api.Pages.Workflow;

/// <summary>
/// The case machine as Graphviz DOT: one cluster per visible state, a stage with sub-stages as a cluster inside it,
/// every other stage a node, and one edge per pair of stages labelled with its triggers in words. Graphviz places the
/// labels, so they never overlap. Only names from the machine go in: never a supplier's text.
/// </summary>
public static class GraphvizDiagram
{
    private static readonly Dictionary<CaseState, (string Fill, string Border)> Colours = new()
    {
        [CaseState.Surveyed] = ("#ddf4ff", "#0969da"), [CaseState.Responded] = ("#dafbe1", "#1a7f37"),
        [CaseState.Invalid] = ("#fff8c5", "#9a6700"), [CaseState.Corrected] = ("#d8f3f0", "#1b7c83"),
        [CaseState.Escalated] = ("#ffebe9", "#cf222e"), [CaseState.Terminated] = ("#eaeef2", "#57606a"),
    };

    public static string Dot(CaseMachine machine, StateDiagram diagram)
    {
        var children = machine.Stages.Where(d => d.Parent is not null).ToLookup(d => d.Parent!.Value.Name);
        bool IsComposite(string stage) => children[stage].Any();
        // An edge to or from a stage with sub-stages is drawn to its first sub-stage and clipped at its cluster.
        string Anchor(string stage)
        {
            var d = machine.Stages.FirstOrDefault(s => s.Stage.Name == stage);
            return d?.InitialSubStage is { } initial ? Anchor(initial.Name) : stage;
        }

        var dot = new StringBuilder();
        dot.AppendLine("digraph CaseMachine {");
        dot.AppendLine("  graph [compound=true, rankdir=TB, newrank=true, nodesep=0.3, ranksep=0.5, fontname=\"Helvetica\", fontsize=16, pad=0.2];");
        dot.AppendLine("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#57606a\", fontname=\"Helvetica\", fontsize=13, margin=\"0.15,0.06\"];");
        dot.AppendLine("  edge [fontname=\"Helvetica\", fontsize=11, color=\"#57606a\", fontcolor=\"#1b1f24\", arrowsize=0.7];");
        dot.AppendLine($"  {Id(machine.Start.Name)} [label=\"{Escape(TriggerWording.StageLabel(machine.Start.Name))}\", shape=plaintext, style=\"\"];");

        foreach (var state in Enum.GetValues<CaseState>())
        {
            var (fill, border) = Colours[state];
            dot.AppendLine($"  subgraph {Id("cluster_" + state)} {{");
            dot.AppendLine($"    label=\"{state}\"; style=\"rounded,filled\"; fillcolor=\"{fill}\"; color=\"{border}\"; penwidth=1.5; fontsize=16; fontname=\"Helvetica-Bold\";");
            foreach (var stage in machine.Stages.Where(d => d.State == state && d.Parent is null))
                WriteStage(dot, stage.Stage.Name, "    ");
            dot.AppendLine("  }");
        }

        void WriteStage(StringBuilder sb, string stage, string indent)
        {
            var isVisibleState = Enum.TryParse<CaseState>(stage, out _);
            if (IsComposite(stage))
            {
                // The visible state's own cluster already stands for a stage of the same name.
                if (!isVisibleState)
                {
                    sb.AppendLine($"{indent}subgraph {Id("cluster_" + stage)} {{");
                    sb.AppendLine($"{indent}  label=\"{Escape(TriggerWording.StageLabel(stage))}\"; style=\"rounded,dashed\"; color=\"#57606a\"; penwidth=1; fontsize=12; fontname=\"Helvetica\";");
                }
                foreach (var child in children[stage]) WriteStage(sb, child.Stage.Name, indent + "  ");
                if (!isVisibleState) sb.AppendLine($"{indent}}}");
                return;
            }
            sb.AppendLine($"{indent}{Id(stage)} [label=\"{Escape(TriggerWording.StageLabel(stage))}\"{(isVisibleState ? ", fontsize=13" : "")}];");
        }

        // Composite stages map to the cluster that draws them: the visible state's cluster when they share its name.
        string Cluster(string stage) => "cluster_" + stage;

        foreach (var g in diagram.Transitions.GroupBy(t => (t.From, t.To)))
        {
            var (from, to) = g.Key;
            var attributes = new List<string>
            {
                $"label=\"{Escape(string.Join("\n", g.Select(Label).Distinct()))}\"",
            };
            if (from != to && IsComposite(from)) attributes.Add($"ltail={Id(Cluster(from))}");
            if (from != to && IsComposite(to)) attributes.Add($"lhead={Id(Cluster(to))}");
            // An edge between a sub-stage and the composite holding it cannot be clipped at that cluster.
            if (from != to && IsComposite(to) && IsWithin(machine, from, to)) attributes.RemoveAll(a => a.StartsWith("lhead", StringComparison.Ordinal));
            if (from != to && IsComposite(from) && IsWithin(machine, to, from)) attributes.RemoveAll(a => a.StartsWith("ltail", StringComparison.Ordinal));
            dot.AppendLine($"  {Id(Anchor(from))} -> {Id(Anchor(to))} [{string.Join(", ", attributes)}];");
        }
        dot.AppendLine("}");
        return dot.ToString();
    }

    private static bool IsWithin(CaseMachine machine, string stage, string ancestor) =>
        machine.Stages.FirstOrDefault(s => s.Stage.Name == stage) is { } d && machine.IsWithin(d.Stage, machine.Stages.First(s => s.Stage.Name == ancestor).Stage);

    private static string Label(DiagramTransition t) =>
        Wrap(TriggerWording.Of(t.Trigger) + (t.Guard is { Length: > 0 } guard ? $" ({guard})" : ""));

    /// <summary>Breaks a label into lines of about 24 characters: narrow labels keep the drawing compact.</summary>
    internal static string Wrap(string text, int width = 24)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width) { lines.Add(line.ToString()); line.Clear(); }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) lines.Add(line.ToString());
        return string.Join("\n", lines);
    }

    private static string Id(string name) => "\"" + Escape(name) + "\"";

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
