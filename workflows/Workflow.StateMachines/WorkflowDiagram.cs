namespace Workflow.StateMachines;

/// <summary>The committed workflows/supplier-due-diligence.md, generated from <see cref="CaseMachine"/>.</summary>
public static class WorkflowDiagram
{
    public static string Markdown(CaseMachine? machine = null) => $"""
        # Supplier due-diligence workflow

        Generated from `workflows/Workflow.StateMachines/CaseMachine.cs`; do not edit by hand. Regenerate with
        `dotnet run --project src/Workflow.Cli -- workflow diagram > workflows/supplier-due-diligence.md`
        (a test fails when this file is stale).

        Visible states: Surveyed, Responded, Invalid, Corrected, Escalated, Terminated. Sub-states carry reminder
        levels (Surveyed: AwaitingResponse → Reminded → SecondRequestSent; Invalid: AwaitingCorrection →
        CorrectionReminded; Escalated: EscalationOpen → TerminationRecommended). A case starts in NotLaunched, which
        is never stored: the launch moves it into Surveyed in the same transaction that creates it.

        ```mermaid
        {SupplierCaseWorkflow.ToMermaid(machine).TrimEnd()}
        ```

        """;
}
