namespace Workflow.Cmrt.Evaluation;

/// <summary>Outcome precedence: unreadable &gt; invalid (any error) &gt; red-flag (any red flag) &gt; accepted.</summary>
public enum Outcome
{
    Accepted,
    RedFlag,
    Invalid,
    Unreadable,
}

public static class OutcomeRules
{
    public static Outcome From(IEnumerable<Finding> findings)
    {
        var outcome = Outcome.Accepted;
        foreach (var f in findings)
        {
            if (f.Severity == FindingSeverity.Error) return Outcome.Invalid;
            if (f.Severity == FindingSeverity.RedFlag) outcome = Outcome.RedFlag;
        }
        return outcome;
    }

    /// <summary>The wire form of a severity used by the CLI, the API and reports: error, warning, red-flag.</summary>
    public static string ToWire(this FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.RedFlag => "red-flag",
        _ => "warning",
    };

    /// <summary>The wire form used by the CLI and the API: accepted, invalid, red-flag, unreadable.</summary>
    public static string ToWire(this Outcome outcome) => outcome switch
    {
        Outcome.Accepted => "accepted",
        Outcome.RedFlag => "red-flag",
        Outcome.Invalid => "invalid",
        _ => "unreadable",
    };
}
