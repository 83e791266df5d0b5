using Workflow.Api.Pages.Layout;
using Workflow.Application.FollowUp;
using Workflow.Application.Grievances;
using Workflow.StateMachines;

namespace Workflow.Api.Pages.Workflow;

/// <summary>/workflow: the state diagram drawn from the state machine itself, and the follow-up durations in force.</summary>
public static class WorkflowPage
{
    public static void MapWorkflowPage(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/workflow", async (CaseMachine machine, FollowUpClock followUp, GraphvizRenderer graphviz, GrievanceDefinition grievance) =>
        {
            var diagram = StateDiagram.Parse(SupplierCaseWorkflow.ToMermaid(machine));
            return PageResult.Of<WorkflowView, WorkflowModel>(new WorkflowModel(diagram, machine, followUp)
            {
                GraphvizSvg = await graphviz.SvgAsync(GraphvizDiagram.Dot(machine, diagram)),
                Grievance = grievance,
            });
        });

        // The same drawing on its own, to open full size or save.
        pages.MapGet("/workflow/diagram.svg", async (CaseMachine machine, GraphvizRenderer graphviz) =>
            await graphviz.SvgAsync(GraphvizDiagram.Dot(machine, StateDiagram.Parse(SupplierCaseWorkflow.ToMermaid(machine)))) is { } svg
                ? Results.Text(svg, "image/svg+xml")
                : Results.Problem("Graphviz (dot) is not installed on the server; the workflow page shows its own drawing.", statusCode: 503));
    }
}
