using Hangfire;
using Workflow.Infrastructure.Email.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
