using System.Globalization;
using System.Text.RegularExpressions;

namespace Workflow.Application.Grievances;

/// <summary>
/// A calendar quarter in UTC, written "2027-Q1": from 1 January 00:00 UTC (inclusive) to 1 April 00:00 UTC (exclusive).
/// The quarterly report counts what happened inside it.
/// </summary>
public readonly partial record struct ReportQuarter(int Year, int Number)
{
    public const string FormatHint = "quarter must look like 2027-Q1";

    public DateTimeOffset Start => new(Year, (Number - 1) * 3 + 1, 1, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset End => Start.AddMonths(3);

    public ReportQuarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    public ReportQuarter Next => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-Q{Number}");

    /// <summary>The quarter an instant falls in (UTC).</summary>
    public static ReportQuarter Containing(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new(utc.Year, (utc.Month - 1) / 3 + 1);
    }

    /// <summary>The last quarter that has ended by <paramref name="now"/>: the one the report of the day is about.</summary>
    public static ReportQuarter LastComplete(DateTimeOffset now) => Containing(now).Previous;

    /// <summary>"2027-Q1" (case-insensitive, surrounding blanks ignored); years 2000 to 2999.</summary>
    public static bool TryParse(string? text, out ReportQuarter quarter)
    {
        quarter = default;
        var m = Pattern().Match(text?.Trim() ?? "");
        if (!m.Success) return false;
        quarter = new(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value[0] - '0');
        return true;
    }

    [GeneratedRegex(@"^(2\d{3})-[Qq]([1-4])$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
