using System.Text.Json;
using System.Xml;
using Workflow.Api.Pages.Html;
using Workflow.Infrastructure.Database;
using Workflow.StateMachines;
using static Workflow.Api.Pages.Html.Html;

namespace Workflow.Api.Pages.Workflow;

/// <summary>/workflow: the state diagram drawn from the state machine itself, and the follow-up durations in force.</summary>
public static class WorkflowPage
{
    public static void MapWorkflowPage(this IEndpointRouteBuilder pages) =>
        pages.MapGet("/workflow", (HttpContext http, IConfiguration configuration) =>
        {
            var diagram = StateDiagram.Parse(SupplierCaseWorkflow.ToMermaid());
            var rows = string.Concat(diagram.Transitions.Select(t => $"""
                <tr><td>{E(diagram.VisibleStateOf(t.From))}{(diagram.VisibleStateOf(t.From) == t.From ? "" : $" <small>({E(t.From)})</small>")}</td>
                <td>{E(t.Trigger)}</td>
                <td>{E(diagram.VisibleStateOf(t.To))}{(diagram.VisibleStateOf(t.To) == t.To ? "" : $" <small>({E(t.To)})</small>")}</td>
                <td>{E(t.Guard ?? "")}</td></tr>
                """));
            return new PageView(http).Render("Workflow", $"""
                <h1>Supplier case workflow</h1>
                <p>Drawn from the state machine in <code>workflows/Workflow.StateMachines</code>; sub-states (reminder levels) are shown inside their state.</p>
                <figure>{diagram.Svg()}</figure>
                <section aria-labelledby="durations"><h2 id="durations">Durations in force</h2>{Durations(configuration)}</section>
                <section aria-labelledby="transitions"><h2 id="transitions">Every transition</h2>
                <table id="transition-table"><thead><tr><th scope="col">From</th><th scope="col">Trigger</th><th scope="col">To</th><th scope="col">Condition</th></tr></thead>
                <tbody>{rows}</tbody></table></section>
                """);
        });

    /// <summary>The follow-up definition (workflows/follow-up.json, or Workflow:FollowUpDefinition), shown as read; none yet is said plainly.</summary>
    private static string Durations(IConfiguration configuration)
    {
        var configured = configuration["Workflow:FollowUpDefinition"];
        var path = RepositoryPaths.Resolve(string.IsNullOrWhiteSpace(configured) ? "workflows/follow-up.json" : configured);
        if (!File.Exists(path)) return "<p>None configured: no follow-up definition (workflows/follow-up.json) is present, so cases wait without reminders.</p>";
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var scale = double.TryParse(configuration["Workflow:TimeScale"], System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 1;
            var rows = string.Concat(doc.RootElement.EnumerateObject().Select(p =>
            {
                var value = p.Value.ToString();
                var meaning = "";
                if (p.Value.ValueKind == JsonValueKind.String && value.StartsWith('P'))
                {
                    try { meaning = Human(XmlConvert.ToTimeSpan(value)) + (scale == 1 ? "" : $" (÷ {scale} = {Human(XmlConvert.ToTimeSpan(value) / scale)})"); }
                    catch (FormatException) { meaning = "not a valid ISO 8601 duration"; }
                }
                return $"<tr><th scope=\"row\">{E(p.Name)}</th><td><code>{E(value)}</code></td><td>{E(meaning)}</td></tr>";
            }));
            return $"""
                <p>From <code>{E(Path.GetFileName(path))}</code>{(scale == 1 ? "" : $"; Workflow:TimeScale = {scale}")}.</p>
                <table id="durations-table"><thead><tr><th scope="col">Setting</th><th scope="col">Value</th><th scope="col">Meaning</th></tr></thead><tbody>{rows}</tbody></table>
                """;
        }
        catch (JsonException e)
        {
            return $"<p class=\"error\">{E(Path.GetFileName(path))} cannot be read: {E(e.Message)}</p>";
        }
    }

    private static string Human(TimeSpan t) =>
        t.TotalDays >= 1 && t.Hours == 0 && t.Minutes == 0 ? $"{t.TotalDays:0.##} days" : t.TotalHours >= 1 ? $"{t.TotalHours:0.##} hours" : $"{t.TotalSeconds:0.##} seconds";
}
