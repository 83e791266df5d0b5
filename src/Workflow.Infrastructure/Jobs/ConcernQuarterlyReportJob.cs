using Hangfire;
using Workflow.Application.Grievances;

namespace Workflow.Infrastructure.Jobs;

/// <summary>
/// On the first day of a quarter (GrievanceOptions.QuarterlyReportCron): the report of the quarter just ended goes to
/// the officers. Once per quarter however many instances run it: the outbox holds one message per quarter.
/// </summary>
public sealed class ConcernQuarterlyReportJob(QuarterlyReportMail mail, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Quarterly report of the grievance mechanism")]
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var quarter = ReportQuarter.LastComplete(clock.GetUtcNow());
        return await mail.EnqueueAsync(quarter, ct) ? $"report of {quarter} enqueued" : $"report of {quarter} was enqueued before";
    }
}
