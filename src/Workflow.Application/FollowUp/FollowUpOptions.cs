namespace Workflow.Application.FollowUp;

/// <summary>Settings of section "Workflow" that drive the follow-up clock.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "Workflow";

    /// <summary>Divides every follow-up duration; 86400 runs a day per second for demos and tests.</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>Path of the follow-up definition; empty = workflows/follow-up.json found upwards, else the embedded copy.</summary>
    public string? FollowUpDefinition { get; set; }

    /// <summary>How often the sweep looks for overdue cases that no wake-up fired (cron, UTC).</summary>
    public string SweepCron { get; set; } = "* * * * *";

    /// <summary>Batches a run of the timers fires at once; each takes a database connection.</summary>
    public int SweepParallelism { get; set; } = 4;

    /// <summary>Cases claimed and fired per batch (one transaction, a handful of statements).</summary>
    public int TimerBatchSize { get; set; } = 1000;

    /// <summary>
    /// Due times are grouped into buckets this wide, one Hangfire wake-up per bucket (not per case): wider buckets mean
    /// fewer scheduled jobs; a wake-up runs at the earliest due time of its bucket and again for the rest.
    /// </summary>
    public TimeSpan TimerGranularity { get; set; } = TimeSpan.FromSeconds(10);
}
