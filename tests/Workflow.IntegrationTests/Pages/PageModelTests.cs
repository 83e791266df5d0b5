using Workflow.Api.Pages.Escalations;
using Workflow.Api.Pages.Workflow;
using Workflow.StateMachines;

namespace Workflow.IntegrationTests.Pages;

public class PageModelTests
{
    private static readonly DateTimeOffset Escalated = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(5, "age-ok")]
    [InlineData(20, "age-soon")]
    [InlineData(31, "age-overdue")]
    public void Ageing_AgainstTheConfiguredWindow_WhenTheCaseHasNoDueDate(int daysLater, string expected) =>
        Assert.Equal(expected, Ageing.Of(Escalated, null, Escalated.AddDays(daysLater), windowDays: 30).CssClass);

    [Fact]
    public void Ageing_UsesTheCaseDueDateFirst()
    {
        var ageing = Ageing.Of(Escalated, Escalated.AddDays(4), Escalated.AddDays(5), windowDays: 30);

        Assert.Equal("overdue", ageing.Label);
        Assert.Equal(Escalated.AddDays(4), ageing.Deadline);
    }

    [Fact]
    public void StateDiagram_ReadsEveryTransitionAndSubStateOfTheStateMachine()
    {
        var mermaid = SupplierCaseWorkflow.ToMermaid();
        var diagram = StateDiagram.Parse(mermaid);

        Assert.Equal(mermaid.Split('\n').Count(l => l.Contains("-->") && !l.Contains("[*]")), diagram.Transitions.Count);
        Assert.Equal(["AwaitingResponse", "Reminded", "SecondRequestSent"], diagram.SubStates["Surveyed"]);
        Assert.Equal("Escalated", diagram.VisibleStateOf("TerminationRecommended"));
        Assert.Contains(diagram.Transitions, t => t is { From: "Escalated", To: "Terminated", Trigger: "TerminationApproved" });
        Assert.Equal(["Surveyed", "Responded", "Invalid", "Corrected", "Escalated", "Terminated"], diagram.Boxes().Select(b => b.State));
        Assert.Equal(["AwaitingResponse", "Reminded", "SecondRequestSent"], diagram.Boxes()[0].SubStates);
        Assert.Contains(diagram.Edges(), e => e.Label.Split(", ").Contains("TerminationApproved"));
    }

    [Theory]
    [InlineData("terminate", "no answer", null, true)]
    [InlineData("extend", "supplier asked", "2027-02-01", true)]
    [InlineData("extend", "supplier asked", "", false)]
    [InlineData("accept-risk", " ", null, false)]
    [InlineData("delete", "why not", null, false)]
    public void ManagerDecision_NeedsAReason_AndADateForExtensions(string decision, string reason, string? extendTo, bool valid)
    {
        var (parsed, error) = ManagerDecision.Parse(decision, reason, extendTo);

        Assert.Equal(valid, parsed is not null);
        Assert.Equal(valid, error is null);
    }
}
