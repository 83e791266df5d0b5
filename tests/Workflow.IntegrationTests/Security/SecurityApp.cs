using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Security;

/// <summary>One service for the security tests of a class: manual follow-up (no timers) and no sign-in rate limit.</summary>
public sealed class SecurityApp : IDisposable
{
    public WorkflowApp Workflow { get; } = new(settings: FollowUpSteps.Manual(new() { ["Pages:LoginAttemptsPerMinute"] = "10000" }));
    public void Dispose() => Workflow.Dispose();
}
