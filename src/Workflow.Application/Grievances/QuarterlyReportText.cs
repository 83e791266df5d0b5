using System.Globalization;
using Workflow.Application.Exports;

namespace Workflow.Application.Grievances;

/// <summary>The quarterly report as plain-text lines (the officers' e-mail) and as the CSV of the quarter's concerns.</summary>
public static class QuarterlyReportText
{
    public static readonly string[] CsvHeader = ["Reference", "Received", "Channel", "Subject", "State", "First response", "Closed", "Outcome"];

    /// <summary>The figures, one line each; outcomes and substantiated links indented below their line.</summary>
    public static IReadOnlyList<string> Lines(QuarterlyReport r)
    {
        var lines = new List<string>
        {
            $"Quarter: {r.Quarter} ({Day(r.From)} to {Day(r.To.AddDays(-1))}, UTC)",
            $"Concerns received: {r.Received}",
            $"By channel: {Counts(r.ByChannel)}",
            $"By subject: {Counts(r.BySubject)}",
            $"By state now: {Counts(r.ByStateNow)}",
            r.FirstResponse.Responded == 0
                ? $"Time to first response: no response yet; {r.FirstResponse.WithoutResponse} without any response"
                : $"Time to first response: median {Num(r.FirstResponse.MedianDays)} days, longest {Num(r.FirstResponse.LongestDays)} days; " +
                  $"{r.FirstResponse.WithoutResponse} still without any response",
            $"Closed in the quarter: {r.Outcomes.Closed} (resolved {r.Outcomes.Resolved}, dismissed {r.Outcomes.Dismissed})",
        };
        lines.AddRange(r.Outcomes.List.Select(o => $"  {o.Reference} {o.State} on {Day(o.ClosedAt)}: {OneLine(o.Reason)}"));
        lines.Add($"Substantiated: {r.Substantiated.Smelters} smelters, {r.Substantiated.Suppliers} suppliers, {r.Substantiated.Cases} cases");
        lines.AddRange(r.Substantiated.Links.Select(l => $"  {l.Concern}: {l.Kind} {OneLine(l.Target)}"));
        lines.Add($"Escalated as untouched: {r.EscalatedUntouched.Concerns} concerns ({r.EscalatedUntouched.Escalations} escalations)" +
                  (r.EscalatedUntouched.References.Count == 0 ? "" : ": " + string.Join(", ", r.EscalatedUntouched.References)));
        return lines;
    }

    /// <summary>The quarter's concerns with a header row; cells neutralised against formula injection by <see cref="Csv"/> (as every export).</summary>
    public static byte[] CsvOf(QuarterlyReport r) => Csv.Utf8(
        new[] { (IReadOnlyList<string?>)CsvHeader }.Concat(r.Concerns.Select(c => (IReadOnlyList<string?>)
        [
            c.Reference, Instant(c.ReceivedAt), c.Channel, c.Subject, c.State, c.FirstResponseAt is { } f ? Instant(f) : null,
            c.ClosedAt is { } closed ? Instant(closed) : null, c.Outcome,
        ])));

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Num(double? d) => d?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—";

    private static string Counts(IReadOnlyDictionary<string, int> counts) =>
        counts.Values.All(v => v == 0) ? "none" : string.Join(", ", counts.Where(p => p.Value > 0).Select(p => $"{p.Key} {p.Value}"));

    /// <summary>A reason written over several lines stays on its own line of the e-mail.</summary>
    private static string OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "(no reason recorded)" : string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
