using Workflow.Application.Email;

namespace Workflow.Application.Grievances;

/// <summary>
/// Section "Grievance:Mailbox": the mailbox concerns can be mailed to (e.g. concerns@example.com), read like the CMRT
/// intake mailbox (<see cref="ImapOptions"/>, same settings) but separate from it. Empty Host = no mailbox intake.
/// </summary>
public sealed class GrievanceMailboxOptions : ImapOptions
{
    public new const string Section = "Grievance:Mailbox";

    /// <summary>Read every five minutes unless configured otherwise (the CMRT intake reads every minute).</summary>
    public GrievanceMailboxOptions() => Cron = "*/5 * * * *";

    /// <summary>
    /// Senders that forward concerns on someone else's behalf (an external hotline's mail gateway, a whistleblowing
    /// service): their mail becomes an anonymous concern, since the sender is not the reporter.
    /// </summary>
    public string[] AnonymousForwarders { get; set; } = [];
}
