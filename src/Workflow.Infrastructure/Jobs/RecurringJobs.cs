using Hangfire;
using Microsoft.Extensions.Options;
using Workflow.Infrastructure.Email;
using Workflow.Application.Email;
using Workflow.Infrastructure.Email.Inbound;
using Workflow.Application.FollowUp;
using Workflow.Application.Retention;
using Workflow.Application.Grievances;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Workflow.Infrastructure.Jobs;

/// <summary>
/// Every recurring job of the service, registered in one place at start with stable ids and UTC schedules. Jobs a
/// configuration turns off are removed, so an instance started with different settings does not leave them behind.
/// </summary>
public sealed class RecurringJobs(IRecurringJobManager recurring, IOptions<FollowUpOptions> followUp, IOptions<NotificationOptions> notifications,
    IOptions<ImapOptions> imap, IOptions<RetentionOptions> retention, IOptions<GrievanceOptions> grievance, IOptions<GrievanceMailboxOptions> grievanceMailbox,
    ILogger<RecurringJobs> logger) : IHostedService
{
    public const string Sweep = "follow-up-sweep";
    public const string Digest = "escalation-digest";
    public const string Intake = "imap-intake";
    public const string Retention = "retention-purge";
    public const string ConcernSweep = "concern-sweep";
    public const string ConcernQuarterlyReport = "concern-quarterly-report";
    public const string GrievanceMailbox = "grievance-mailbox";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        try
        {
            recurring.AddOrUpdate<FollowUpSweepJob>(Sweep, j => j.RunAsync(CancellationToken.None), followUp.Value.SweepCron, utc);
            recurring.AddOrUpdate<EscalationDigestJob>(Digest, j => j.RunAsync(CancellationToken.None), notifications.Value.DigestCron, utc);
            recurring.AddOrUpdate<RetentionPurgeJob>(Retention, j => j.RunAsync(CancellationToken.None), retention.Value.PurgeCron, utc);
            recurring.AddOrUpdate<ConcernSweepJob>(ConcernSweep, j => j.RunAsync(CancellationToken.None), grievance.Value.SweepCron, utc);
            recurring.AddOrUpdate<ConcernQuarterlyReportJob>(ConcernQuarterlyReport, j => j.RunAsync(CancellationToken.None),
                grievance.Value.QuarterlyReportCron, utc);
            if (!string.IsNullOrWhiteSpace(grievanceMailbox.Value.Host))
                recurring.AddOrUpdate<GrievanceMailboxJob>(GrievanceMailbox, j => j.RunAsync(CancellationToken.None), grievanceMailbox.Value.Cron, utc);
            else
                recurring.RemoveIfExists(GrievanceMailbox);
            if (!string.IsNullOrWhiteSpace(imap.Value.Host))
                recurring.AddOrUpdate<ImapIntakeJob>(Intake, j => j.RunAsync(CancellationToken.None), imap.Value.Cron, utc);
            else
                recurring.RemoveIfExists(Intake);
            // Catch up at once with whatever fell due while no instance was running.
            recurring.Trigger(Sweep);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Registering the recurring jobs failed; follow-up timers still run, the catch-up sweep does not");
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
