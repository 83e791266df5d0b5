using System.Globalization;
using System.Text;
using Workflow.Application.Queries;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>
/// The cumulative responses per day as a step line, from launch to the later of today and the due date, with the due
/// date and today marked. The x axis is always at least a few days wide, so responses that all came on one day make a
/// visible step rather than a vertical line at the chart's edge.
/// </summary>
public sealed record ResponseCurve(
    string Path, string AreaPath, IReadOnlyList<ResponseCurve.Tick> XTicks, IReadOnlyList<ResponseCurve.Tick> YTicks,
    ResponseCurve.Marker Due, ResponseCurve.Marker? Today, int Responded, int Cases, DateOnly From, DateOnly To,
    IReadOnlyList<ResponseCurve.Day> Days, string Summary)
{
    public const int Width = 720, Height = 260, Left = 48, Right = 24, Top = 28, Bottom = 36, Inset = 14;
    public const int PlotBottom = Height - Bottom, PlotRight = Width - Right;

    /// <summary>Where the curve ends (today): X, and the Y of the responses so far in <see cref="Marker.Label"/>.</summary>
    public Marker End { get; init; } = new("0", "0", "start");

    public sealed record Tick(string At, string Label);
    public sealed record Marker(string X, string Label, string Anchor);
    /// <summary>A day with responses: how many came that day, and how many so far.</summary>
    public sealed record Day(DateOnly Date, int Responses, int SoFar);

    public static ResponseCurve? Of(IReadOnlyList<DailyResponses> days, int cases, DateOnly? launched, DateOnly due, DateOnly today)
    {
        if (cases == 0) return null;
        var from = launched ?? (days.Count > 0 ? days[0].Day : today);
        if (days.Count > 0 && days[0].Day < from) from = days[0].Day;
        var to = Max(Max(today, due), days.Count > 0 ? days[^1].Day : from);
        // Never fewer than 7 days across: a one-day campaign still reads as a curve with a step.
        if (to.DayNumber - from.DayNumber < 7) to = from.AddDays(7);
        var span = (double)(to.DayNumber - from.DayNumber);

        var yStep = NiceStep(cases);
        var yMax = yStep * Math.Max(1, Math.Ceiling(cases / yStep));
        // The first day sits a little right of the axis, so responses on launch day rise as a visible step.
        double X(DateOnly d) => Left + Inset + (PlotRight - Left - Inset) * (d.DayNumber - from.DayNumber) / span;
        double Y(double n) => PlotBottom - (PlotBottom - Top) * n / yMax;

        var path = new StringBuilder(F($"M{X(from)},{Y(0)}"));
        var soFar = 0;
        var cumulative = new List<Day>();
        foreach (var d in days)
        {
            path.Append(F($" H{X(d.Day)}"));
            soFar += d.FirstResponses;
            path.Append(F($" V{Y(soFar)}"));
            cumulative.Add(new Day(d.Day, d.FirstResponses, soFar));
        }
        // The curve stops at today: the future has no responses yet.
        var end = Min(Max(today, days.Count > 0 ? days[^1].Day : from), to);
        path.Append(F($" H{X(end)}"));
        var area = path + F($" V{Y(0)} Z");

        var yTicks = new List<Tick>();
        for (var v = 0.0; v <= yMax; v += yStep) yTicks.Add(new Tick(F($"{Y(v)}"), v.ToString("0", CultureInfo.InvariantCulture)));

        var xTicks = new List<Tick>();
        var dayStep = Math.Max(1, (int)Math.Ceiling(span / 5));
        for (var d = from; d <= to; d = d.AddDays(dayStep)) xTicks.Add(new Tick(F($"{X(d)}"), d.ToString("d MMM", CultureInfo.InvariantCulture)));

        var dueMarker = new Marker(F($"{X(due)}"), "Due " + due.ToString("d MMM", CultureInfo.InvariantCulture), Anchor(X(due)));
        var todayMarker = today >= from && today <= to && today != due
            ? new Marker(F($"{X(today)}"), "Today", Anchor(X(today))) : null;
        var rate = 100.0 * soFar / cases;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Responses received so far: {soFar} of {cases} suppliers ({rate:0.#}%) between {from:yyyy-MM-dd} and {end:yyyy-MM-dd}; responses due {due:yyyy-MM-dd}.");
        var endPoint = new Marker(F($"{X(end)}"), F($"{Y(soFar)}"), Anchor(X(end)));
        return new ResponseCurve(path.ToString(), area, xTicks, yTicks, dueMarker, todayMarker, soFar, cases, from, to, cumulative, summary)
            { End = endPoint };
    }

    // Labels near the right edge are written leftwards so they stay inside the chart.
    private static string Anchor(double x) => x > PlotRight - 60 ? "end" : x < Left + 60 ? "start" : "middle";

    /// <summary>A round whole step (1, 2, 5, 10, 20, 25, 50, …) giving about four ticks up to the case count.</summary>
    internal static double NiceStep(int n)
    {
        var raw = Math.Max(1, n / 4.0);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= raw && s == Math.Floor(s));
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static string F(FormattableString s) => s.ToString(new NumberFormat());

    private sealed class NumberFormat : IFormatProvider, ICustomFormatter
    {
        public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : null;
        public string Format(string? format, object? arg, IFormatProvider? formatProvider) =>
            arg is double d ? d.ToString("0.#", CultureInfo.InvariantCulture) : Convert.ToString(arg, CultureInfo.InvariantCulture) ?? "";
    }
}
