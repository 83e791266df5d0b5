namespace Workflow.Application.Email;

/// <summary>Section "Notifications": who hears about escalations, and in which language.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";
    /// <summary>Addresses that receive escalations, termination recommendations and the daily digest (the seed's VP).</summary>
    public List<string> ManagementRecipients { get; set; } = [];
    public string ManagementLanguage { get; set; } = "en";
    /// <summary>Addresses told when a supplier termination is approved, so purchasing stops ordering from it.</summary>
    public List<string> ProcurementRecipients { get; set; } = [];
    /// <summary>When the daily digest of open escalations goes out (cron, UTC).</summary>
    public string DigestCron { get; set; } = "0 7 * * *";
}
