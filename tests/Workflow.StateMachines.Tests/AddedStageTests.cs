using Workflow.Domain.Cases;
using static Workflow.Domain.Cases.CaseStage;

namespace Workflow.StateMachines.Tests;

/// <summary>
/// A stage added as data: a third request between the second request and escalation, declared in a test configuration
/// of the machine and nowhere else. The integration test of the same name shows its timer and message end to end.
/// </summary>
public class AddedStageTests
{
    public static readonly CaseStage ThirdRequestSent = new("ThirdRequestSent");
    public static readonly CaseTrigger ThirdRequestDue = new("ThirdRequestDue");

    /// <summary>The default machine with SecondRequestSent pointed at a new ThirdRequestSent stage.</summary>
    public static CaseMachine WithThirdRequest()
    {
        var machine = CaseMachine.Default.With(new StageDeclaration(ThirdRequestSent, CaseState.Surveyed)
        {
            Parent = Surveyed,
            OnEntry = new StageMessage("third-request"),
            Timer = new StageTimer(CaseTrigger.EscalatedToManagement, "no response within {duration} of the third request")
                { GoesTo = Escalated, Deadline = PolicyDeadline.Escalation },
        }, after: SecondRequestSent);
        return machine.With(machine[SecondRequestSent] with
        {
            Timer = new StageTimer(ThirdRequestDue, "no response within {duration} of the second request") { GoesTo = ThirdRequestSent },
        });
    }

    [Fact]
    public void AddedStage_TimerLeadsThroughIt_WithItsMessage()
    {
        var workflow = new SupplierCaseWorkflow(WithThirdRequest(), SecondRequestSent);

        var third = workflow.TimerElapsed();
        var escalation = workflow.TimerElapsed();

        Assert.Equal((ThirdRequestSent, ThirdRequestDue), (third.To, third.Trigger));
        Assert.Equal(["third-request"], third.Messages.Select(m => m.Kind));
        Assert.Equal((EscalationOpen, CaseTrigger.EscalatedToManagement), (escalation.To, escalation.Trigger));
        Assert.Equal(["escalation"], escalation.Messages.Select(m => m.Kind));
    }

    [Fact]
    public void AddedStage_InheritsItsSuperstatesTransitions_AndWaits()
    {
        var machine = WithThirdRequest();
        var workflow = new SupplierCaseWorkflow(machine, ThirdRequestSent);

        Assert.True(machine.Waits(ThirdRequestSent));
        Assert.Equal(CaseState.Surveyed, machine.StateOf(ThirdRequestSent));
        Assert.Equal(Responded, workflow.Submit(SubmissionOutcome.Accepted).To);
        Assert.Contains("third-request", machine.Messages.Select(m => m.Kind));
    }

    [Fact]
    public void AddedStage_IsInTheDiagram()
    {
        var diagram = WorkflowDiagram.Markdown(WithThirdRequest());

        Assert.Contains("SecondRequestSent --> ThirdRequestSent : ThirdRequestDue", diagram);
        Assert.Contains("ThirdRequestSent --> Escalated : EscalatedToManagement", diagram);
        Assert.DoesNotContain("ThirdRequestSent", WorkflowDiagram.Markdown());
    }

    [Fact]
    public void Declaration_NamingAnUndeclaredStage_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => CaseMachine.Default.With(
            CaseMachine.Default[Reminded] with { Timer = new StageTimer(CaseTrigger.SecondRequestDue, "x") { GoesTo = ThirdRequestSent } }));

        Assert.Contains("ThirdRequestSent", error.Message);
    }
}
