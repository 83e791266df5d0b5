using Workflow.Infrastructure.Jobs;

namespace Workflow.IntegrationTests.FollowUp;

/// <summary>Jobs scheduled by a version whose job classes lived in the API host still run after an upgrade.</summary>
public class MovedJobTypesTests
{
    [Theory]
    [InlineData("Workflow.Api.FollowUp.FollowUpTimerJob, Workflow.Api", typeof(FollowUpTimerJob))]
    [InlineData("Workflow.Api.FollowUp.FollowUpSweepJob, Workflow.Api", typeof(FollowUpSweepJob))]
    [InlineData("Workflow.Api.FollowUp.FollowUpWakeUpJob, Workflow.Api", typeof(FollowUpWakeUpJob))]
    [InlineData("Workflow.Api.FollowUp.EscalationDigestJob, Workflow.Api", typeof(EscalationDigestJob))]
    [InlineData("Workflow.Api.FollowUp.ImapIntakeJob, Workflow.Api", typeof(ImapIntakeJob))]
    public void FormerApiJobName_ResolvesToTheMovedClass(string storedName, Type expected) =>
        Assert.Equal(expected, MovedJobTypes.Resolve(storedName));

    [Fact]
    public void CurrentNames_AndOtherTypes_ResolveAsBefore()
    {
        Assert.Equal(typeof(FollowUpTimerJob), MovedJobTypes.Resolve("Workflow.Infrastructure.Jobs.FollowUpTimerJob, Workflow.Infrastructure"));
        Assert.Equal(typeof(Guid), MovedJobTypes.Resolve("System.Guid, mscorlib"));
    }

    [Fact]
    public void UnknownFormerName_StillFails_RatherThanRunningSomethingElse() =>
        Assert.ThrowsAny<Exception>(() => MovedJobTypes.Resolve("Workflow.Api.FollowUp.NoSuchJob, Workflow.Api"));
}
