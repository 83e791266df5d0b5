using System.Text.RegularExpressions;

namespace Workflow.Application.Wording;

/// <summary>
/// A management decision that shaped a case's current state, in the words its state badge shows instead of the bare
/// state: "Risk accepted (reason)" rather than a green "Responded", "Extended to 2027-01-31" rather than "Surveyed".
/// </summary>
public sealed partial record ShownDecision(string Trigger, string Text, string Reason)
{
    /// <summary>The decisions a manager takes on an escalation, as stored triggers.</summary>
    public static readonly IReadOnlyList<string> DecisionTriggers = ["ExtensionGranted", "RiskAccepted", "TerminationApproved"];

    /// <summary>Timer triggers move a case within its state without undoing the decision that put it there.</summary>
    public static readonly IReadOnlyList<string> TimerTriggers = ["ReminderDue", "SecondRequestDue"];

    /// <summary>
    /// A lateral join for list queries (one query per page, no query per row): the case's latest audit entry that is
    /// not a timer's, as columns <c>decision_trigger</c> and <c>decision_reason</c> when it is a manager's decision.
    /// Walks the (case_id, id) index backwards from the newest entry. Expects the case aliased <c>c</c>.
    /// </summary>
    public const string LateralJoin = """
        left join lateral (
            select a.trigger as decision_trigger, a.reason as decision_reason
              from workflow.audit_entries a
             where a.case_id = c.id and a.trigger not in ('ReminderDue', 'SecondRequestDue')
             order by a.id desc limit 1) d
          on d.decision_trigger in ('ExtensionGranted', 'RiskAccepted', 'TerminationApproved')
        """;

    /// <summary>The decision a trigger and its audit reason stand for; none for any other trigger.</summary>
    public static ShownDecision? Of(string? trigger, string? reason)
    {
        reason = (reason ?? "").Trim();
        switch (trigger)
        {
            case "RiskAccepted":
                return new(trigger, string.IsNullOrEmpty(reason) ? "Risk accepted" : $"Risk accepted ({Short(reason)})", reason);
            case "ExtensionGranted":
                // The audit reason is "extended to 2027-01-31: why" (pages and API write it so).
                var m = ExtendedTo().Match(reason);
                return new(trigger, m.Success ? $"Extended to {m.Groups[1].Value}" : "Deadline extended", reason);
            case "TerminationApproved":
                return new(trigger, "Termination approved", reason);
            default:
                return null;
        }
    }

    /// <summary>The decision shown for a case from its history, oldest first (the case page has it loaded already).</summary>
    public static ShownDecision? Latest<T>(IEnumerable<T> history, Func<T, string> trigger, Func<T, string?> reason)
    {
        var last = history.LastOrDefault(h => !TimerTriggers.Contains(trigger(h)));
        return last is null ? null : Of(trigger(last), reason(last));
    }

    // A badge is no place for a paragraph: the full reason is in the badge's title and the history.
    private static string Short(string text) => text.Length <= 60 ? text : text[..57].TrimEnd() + "…";

    [GeneratedRegex(@"^extended to (\d{4}-\d{2}-\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex ExtendedTo();
}
