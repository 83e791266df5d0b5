namespace Workflow.StateMachines;

/// <summary>The committed workflows/supplier-due-diligence.md, generated from <see cref="SupplierCaseWorkflow"/>.</summary>
public static class WorkflowDiagram
{
    public static string Markdown() => $"""
        # Supplier due-diligence workflow

        Generated from `workflows/Workflow.StateMachines/SupplierCaseWorkflow.cs`; do not edit by hand. Regenerate with
        `dotnet run --project src/Workflow.Cli -- workflow diagram > workflows/supplier-due-diligence.md`
        (a test fails when this file is stale).

        Visible states: Surveyed, Responded, Invalid, Corrected, Escalated, Terminated. Sub-states carry reminder
        levels (Surveyed: AwaitingResponse → Reminded → SecondRequestSent; Invalid: AwaitingCorrection →
        CorrectionReminded; Escalated: EscalationOpen → TerminationRecommended).

        ```mermaid
        {SupplierCaseWorkflow.ToMermaid().TrimEnd()}
        ```

        """;
}
