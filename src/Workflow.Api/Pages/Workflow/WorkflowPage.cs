using Workflow.Api.Pages.Layout;
using Workflow.Application.FollowUp;
using Workflow.StateMachines;

namespace Workflow.Api.Pages.Workflow;

/// <summary>/workflow: the state diagram drawn from the state machine itself, and the follow-up durations in force.</summary>
public static class WorkflowPage
{
    public static void MapWorkflowPage(this IEndpointRouteBuilder pages) =>
        pages.MapGet("/workflow", (CaseMachine machine, FollowUpClock followUp) =>
            PageResult.Of<WorkflowView, WorkflowModel>(new WorkflowModel(StateDiagram.Parse(SupplierCaseWorkflow.ToMermaid(machine)), machine, followUp)));
}
