using System.Globalization;

namespace Workflow.Application.Filings;

/// <summary>What a freeze request must say, the same for the API and the report page.</summary>
public static class FreezeRequestRules
{
    public const int MaxReasonLength = 2000;

    public static Dictionary<string, string[]> Validate(DateOnly? asOf, string? reason, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (asOf is not { } day)
            errors["asOf"] = ["Give the last day the filing counts (its \"effort through\" date), e.g. 2027-03-31."];
        else if (day > today)
            errors["asOf"] = [$"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is after today: a filing can only count what has already happened."];
        if (string.IsNullOrWhiteSpace(reason))
            errors["reason"] = ["Say why the filing is frozen (e.g. \"Form SD filed 2027-05-31\"); it goes into the campaign's audit trail."];
        else if (reason.Length > MaxReasonLength)
            errors["reason"] = [$"Keep the reason under {MaxReasonLength} characters."];
        return errors;
    }
}
