namespace Workflow.Application.Grievances;

/// <summary>Outbox kinds of the grievance mechanism; all go to Grievance:Officers. Stored: do not rename.</summary>
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

    public static readonly IReadOnlyList<string> All = [Received, Untouched, Information, Quarterly];

    public static bool IsGrievance(string kind) => All.Contains(kind, StringComparer.Ordinal);
}
