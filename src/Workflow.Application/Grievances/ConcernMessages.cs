namespace Workflow.Application.Grievances;

/// <summary>Outbox kinds of the grievance mechanism: to the officers, except <see cref="Reply"/>. Stored: do not rename.</summary>
public static class ConcernMessages
{
    /// <summary>A new concern: the officers are told at once (reference, channel, subject, link; never the reporter).</summary>
    public const string Received = "concern-received";
    /// <summary>A concern nobody of ours acted on for the definition's "untouched" duration.</summary>
    public const string Untouched = "concern-untouched";
    /// <summary>The reporter added information through the secret link.</summary>
    public const string Information = "concern-information";
    /// <summary>The quarterly report of all activity.</summary>
    public const string Quarterly = "concern-quarterly";

    /// <summary>To a reporter who gave an e-mail address: a reply is waiting behind their link (neither the reply nor the
    /// link is in the e-mail: a mailbox can be read by others).</summary>
    public const string Reply = "concern-reply";

    public static readonly IReadOnlyList<string> ToOfficers = [Received, Untouched, Information, Quarterly];

    public static readonly IReadOnlyList<string> All = [.. ToOfficers, Reply];

    public static bool IsGrievance(string kind) => All.Contains(kind, StringComparer.Ordinal);
}
