using Workflow.Api.Pages.Html;
using Workflow.Infrastructure.FollowUp;
using Workflow.StateMachines;
using static Workflow.Api.Pages.Html.Html;

namespace Workflow.Api.Pages.Workflow;

/// <summary>/workflow: the state diagram drawn from the state machine itself, and the follow-up durations in force.</summary>
public static class WorkflowPage
{
    public static void MapWorkflowPage(this IEndpointRouteBuilder pages) =>
        pages.MapGet("/workflow", (HttpContext http, CaseMachine machine, FollowUpClock followUp) =>
        {
            var diagram = StateDiagram.Parse(SupplierCaseWorkflow.ToMermaid(machine));
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
                <section aria-labelledby="durations"><h2 id="durations">Durations in force</h2>{Durations(machine, followUp)}</section>
                <section aria-labelledby="transitions"><h2 id="transitions">Every transition</h2>
                <table id="transition-table"><thead><tr><th scope="col">From</th><th scope="col">Trigger</th><th scope="col">To</th><th scope="col">Condition</th></tr></thead>
                <tbody>{rows}</tbody></table></section>
                """);
        });

    /// <summary>
    /// The follow-up definition the service loaded at start (the same instance the timers use), so the page cannot
    /// disagree with what actually fires.
    /// </summary>
    private static string Durations(CaseMachine machine, FollowUpClock clock)
    {
        var d = clock.Definition;
        var timers = machine.WaitingStages.DistinctBy(s => s.Timer!.KeyFor(s.Stage)).Select(s =>
            (Name: s.Timer!.KeyFor(s.Stage), Meaning: $"{clock.ReasonFor(s.Stage)} → {s.Timer.Fires}", InForce: d[s.Timer.KeyFor(s.Stage)]));
        var scaled = d.TimeScale != 1;
        var rows = string.Concat(timers.Select(t =>
            $"<tr><th scope=\"row\">{E(t.Name)}</th><td>{E(t.Meaning)}</td><td>{E(Human(t.InForce * d.TimeScale))}</td>" +
            (scaled ? $"<td>{E(Human(t.InForce))}</td>" : "") + "</tr>"));
        return $"""
            <p>Follow-up definition version <code>{E(d.Version)}</code>{(scaled ? $"; Workflow:TimeScale = {d.TimeScale} divides every duration" : "")}.</p>
            <table id="durations-table"><thead><tr><th scope="col">Setting</th><th scope="col">Meaning</th><th scope="col">Defined</th>{(scaled ? "<th scope=\"col\">In force</th>" : "")}</tr></thead><tbody>{rows}</tbody></table>
            <p>These durations set every deadline; a manager's extension moves one. When an escalation or termination deadline
            passes, the campaign's policy decides through its Step 3 timing rules, and the case history names the rule.</p>
            """;
    }

    private static string Human(TimeSpan t) =>
        t.TotalDays >= 1 && t.Hours == 0 && t.Minutes == 0 ? $"{t.TotalDays:0.##} days" : t.TotalHours >= 1 ? $"{t.TotalHours:0.##} hours" : $"{t.TotalSeconds:0.##} seconds";
}
