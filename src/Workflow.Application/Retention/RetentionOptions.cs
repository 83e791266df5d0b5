namespace Workflow.Application.Retention;

/// <summary>Section "Records": how long supplier files and message bodies are kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Records";
    /// <summary>Years after the end of a campaign's reporting period (the seed report keeps records five years).</summary>
    public int RetentionYears { get; set; } = 5;
    /// <summary>When the daily purge runs (cron, UTC).</summary>
    public string PurgeCron { get; set; } = "30 3 * * *";
}
