namespace Workflow.Application.Grievances;

/// <summary>Section "Grievance": limits of the public intake, where the timing comes from, when the jobs run.</summary>
public sealed class GrievanceOptions
{
    public const string Section = "Grievance";

    // Grievance:Officers (who is told of every concern) is a setting: kept on /settings, overridden by configuration,
    // read through EffectiveSettings.GrievanceOfficers.

    /// <summary>A grievance definition file other than workflows/grievance.json.</summary>
    public string? Definition { get; set; }

    /// <summary>Files a reporter may attach to one report or one follow-up.</summary>
    public int MaxFiles { get; set; } = 5;

    /// <summary>Longest description or message accepted, in characters.</summary>
    public int MaxTextLength { get; set; } = 20_000;

    /// <summary>Public reports (and follow-ups) accepted per network address per hour; the address is not stored.</summary>
    public int PublicReportsPerHour { get; set; } = 10;

    /// <summary>When the quarterly report goes to the officers (cron, UTC): the first day of each quarter.</summary>
    public string QuarterlyReportCron { get; set; } = "0 6 1 1,4,7,10 *";

    /// <summary>How often the untouched-concern sweep runs (cron, UTC), beside the per-concern timers.</summary>
    public string SweepCron { get; set; } = "17 * * * *";
}
