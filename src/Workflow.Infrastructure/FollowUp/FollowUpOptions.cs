namespace Workflow.Infrastructure.FollowUp;

/// <summary>Settings of section "Workflow" that drive the follow-up clock.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "Workflow";

    /// <summary>Divides every follow-up duration; 86400 runs a day per second for demos and tests.</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>Path of the follow-up definition; empty = workflows/follow-up.json found upwards, else the embedded copy.</summary>
    public string? FollowUpDefinition { get; set; }

    /// <summary>How often the sweep looks for overdue cases that no timer fired (cron, UTC).</summary>
    public string SweepCron { get; set; } = "* * * * *";

    /// <summary>Transitions the sweep fires at once; each takes a database connection.</summary>
    public int SweepParallelism { get; set; } = 4;
}
