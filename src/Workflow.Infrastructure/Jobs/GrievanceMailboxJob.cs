using Hangfire;
using Workflow.Infrastructure.Email.Inbound;

namespace Workflow.Infrastructure.Jobs;

/// <summary>Reads the grievance mailbox; one reader at a time so two instances never take the same mail together.</summary>
public sealed class GrievanceMailboxJob(GrievanceMailboxIntake intake)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 5)]
    [JobDisplayName("Read the grievance mailbox")]
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var report = await intake.RunAsync(ct);
        return $"{report.Processed} concerns taken, {report.Flagged} flagged";
    }
}
