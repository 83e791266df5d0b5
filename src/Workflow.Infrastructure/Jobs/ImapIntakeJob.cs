using Hangfire;
using Workflow.Infrastructure.Email.Inbound;

namespace Workflow.Infrastructure.Jobs;

/// <summary>Reads the intake mailbox; one reader at a time so two instances never handle the same mail together.</summary>
public sealed class ImapIntakeJob(ImapIntake intake)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 5)]
    [JobDisplayName("Read the intake mailbox")]
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var report = await intake.RunAsync(ct);
        return $"{report.Processed} processed, {report.Flagged} flagged";
    }
}
