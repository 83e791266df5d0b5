using System.Globalization;
using System.Text;
using Workflow.Application.Queries;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>
/// The geometry of the cumulative response rate per day (drawn by <c>ResponseChartView</c> as a small inline SVG, no
/// script, no CDN): the line's points, the grid lines and the sentence that sums it up.
/// </summary>
public sealed record ResponseChart(string Points, IReadOnlyList<ResponseChart.GridLine> Grid, DateOnly First, DateOnly Last, string Summary,
    IReadOnlyList<DailyResponses> Days)
{
    public const int Width = 640, Height = 220, Left = 44, Bottom = 28, Top = 12, Right = 16;

    public sealed record GridLine(string Y, string LabelY, string Label);

    /// <summary>None when there is nothing to draw yet (no cases, or no response).</summary>
    public static ResponseChart? Of(IReadOnlyList<DailyResponses> days, int cases, DateOnly? start, DateOnly today)
    {
        if (cases == 0 || days.Count == 0) return null;
        var first = start is { } s && s < days[0].Day ? s : days[0].Day;
        var last = today > days[^1].Day ? today : days[^1].Day;
        var span = Math.Max(1, last.DayNumber - first.DayNumber);
        double X(DateOnly d) => Left + (Width - Left - Right) * (d.DayNumber - first.DayNumber) / (double)span;
        double Y(double rate) => Top + (Height - Top - Bottom) * (1 - rate);

        var points = new StringBuilder();
        points.Append(CultureInfo.InvariantCulture, $"{X(first):0.#},{Y(0):0.#}");
        var cumulative = 0;
        foreach (var d in days)
        {
            points.Append(CultureInfo.InvariantCulture, $" {X(d.Day):0.#},{Y(cumulative / (double)cases):0.#}");
            cumulative += d.FirstResponses;
            points.Append(CultureInfo.InvariantCulture, $" {X(d.Day):0.#},{Y(cumulative / (double)cases):0.#}");
        }
        points.Append(CultureInfo.InvariantCulture, $" {X(last):0.#},{Y(cumulative / (double)cases):0.#}");
        var grid = new[] { 0, 0.25, 0.5, 0.75, 1 }.Select(g => new GridLine(
            Y(g).ToString("0.#", CultureInfo.InvariantCulture), (Y(g) + 4).ToString("0.#", CultureInfo.InvariantCulture),
            g.ToString("P0", CultureInfo.InvariantCulture))).ToList();
        var rate = cumulative / (double)cases;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Response rate rose to {rate:P0} ({cumulative} of {cases} cases) between {first:yyyy-MM-dd} and {last:yyyy-MM-dd}.");
        return new ResponseChart(points.ToString(), grid, first, last, summary, days);
    }
}
