using Workflow.Domain.Grievances;
using Workflow.StateMachines.Grievances;

namespace Workflow.StateMachines.Tests.Grievances;

public class ConcernWorkflowTests
{
    [Theory]
    [InlineData(ConcernState.Received, ConcernState.UnderReview)]
    [InlineData(ConcernState.Received, ConcernState.Investigating)]
    [InlineData(ConcernState.Received, ConcernState.Dismissed)]
    [InlineData(ConcernState.UnderReview, ConcernState.Investigating)]
    [InlineData(ConcernState.UnderReview, ConcernState.Resolved)]
    [InlineData(ConcernState.Investigating, ConcernState.Resolved)]
    [InlineData(ConcernState.Investigating, ConcernState.Dismissed)]
    [InlineData(ConcernState.Resolved, ConcernState.UnderReview)]
    [InlineData(ConcernState.Dismissed, ConcernState.UnderReview)]
    public void PermittedMove_LandsInTheStateAskedFor(ConcernState from, ConcernState to)
    {
        var machine = new ConcernWorkflow(from);

        Assert.Equal(to, machine.MoveTo(to));
        Assert.Contains(to, ConcernWorkflow.Next(from));
    }

    [Theory]
    [InlineData(ConcernState.Received, ConcernState.Resolved)]
    [InlineData(ConcernState.Investigating, ConcernState.UnderReview)]
    [InlineData(ConcernState.Resolved, ConcernState.Dismissed)]
    [InlineData(ConcernState.Dismissed, ConcernState.Investigating)]
    [InlineData(ConcernState.UnderReview, ConcernState.UnderReview)]
    public void RefusedMove_SaysWhereTheConcernCanGo_AndStaysPut(ConcernState from, ConcernState to)
    {
        var machine = new ConcernWorkflow(from);

        var refused = Assert.Throws<IllegalConcernTransitionException>(() => machine.MoveTo(to));

        Assert.Equal(from, machine.State);
        Assert.Contains($"A {from.ToWire()} concern cannot move to {to.ToWire()}", refused.Message);
        Assert.All(ConcernWorkflow.Next(from), n => Assert.Contains(n.ToWire(), refused.Message));
    }

    [Fact]
    public void EveryOpenState_CanBeClosed_AndEveryClosedOne_Reopened()
    {
        foreach (var state in ConcernStates.All)
            Assert.True(state.IsClosed()
                ? ConcernWorkflow.Next(state).SequenceEqual([ConcernState.UnderReview])
                : ConcernWorkflow.Next(state).Any(s => s.IsClosed()), state.ToWire());
    }

    [Fact]
    public void WireNames_RoundTrip()
    {
        Assert.All(ConcernStates.All, s => Assert.Equal(s, ConcernStates.FromWire(s.ToWire())));
        Assert.Equal(["received", "under-review", "investigating", "resolved", "dismissed"], ConcernStates.All.Select(s => s.ToWire()));
    }
}
