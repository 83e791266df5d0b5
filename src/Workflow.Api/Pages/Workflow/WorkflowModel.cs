using Workflow.Application.FollowUp;
using Workflow.StateMachines;
using Workflow.StateMachines.Grievances;
using Workflow.Application.Grievances;
using Workflow.Domain.Grievances;

namespace Workflow.Api.Pages.Workflow;

/// <summary>
/// The diagram drawn from the state machine and the follow-up definition the service loaded at start (the same
/// instance the timers use), so the page cannot disagree with what actually fires.
/// </summary>
public sealed record WorkflowModel(StateDiagram Diagram, CaseMachine Machine, FollowUpClock Clock)
{
    public FollowUpDefinition FollowUp => Clock.Definition;

    /// <summary>The diagram as Graphviz drew it (our own output from the machine's names); null when dot is unavailable.</summary>
    public string? GraphvizSvg { get; init; }

    /// <summary>One row per timer key of follow-up.json: what runs out, and what it fires.</summary>
    public IReadOnlyList<(string Name, string Meaning, TimeSpan InForce)> Timers =>
        Machine.WaitingStages.DistinctBy(s => s.Timer!.KeyFor(s.Stage))
            .Select(s => (s.Timer!.KeyFor(s.Stage), $"{Clock.ReasonFor(s.Stage)} → {s.Timer.Fires}", FollowUp[s.Timer.KeyFor(s.Stage)]))
            .ToList();

    /// <summary>The grievance mechanism's timing (workflows/grievance.json), shown beside its machine.</summary>
    public GrievanceDefinition? Grievance { get; init; }

    /// <summary>Each state of a concern with the states a person may move it to (the concern machine's own table).</summary>
    public static IReadOnlyList<(string State, string Next)> ConcernMoves =>
        ConcernStates.All.Select(s => (s.Words(), string.Join(", ", ConcernWorkflow.Next(s).Select(n => n.Words())))).ToList();

    public static string Human(TimeSpan t) =>
        t.TotalDays >= 1 && t.Hours == 0 && t.Minutes == 0 ? $"{t.TotalDays:0.##} days" : t.TotalHours >= 1 ? $"{t.TotalHours:0.##} hours" : $"{t.TotalSeconds:0.##} seconds";
}
