using System.Globalization;
using System.Text;
using Workflow.Infrastructure.Pages;
using static Workflow.Api.Pages.Html.Html;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>Cumulative response rate per day as a small inline SVG (no script, no CDN), with a table for screen readers.</summary>
public static class ResponseChart
{
    private const int Width = 640, Height = 220, Left = 44, Bottom = 28, Top = 12, Right = 16;

    public static string Render(IReadOnlyList<DailyResponses> days, int cases, DateOnly? start, DateOnly today)
    {
        if (cases == 0) return "<p>No cases yet: launch the campaign to start measuring responses.</p>";
        if (days.Count == 0) return "<p>No responses yet.</p>";
        var first = start is { } s && s < days[0].Day ? s : days[0].Day;
        var last = today > days[^1].Day ? today : days[^1].Day;
        var span = Math.Max(1, last.DayNumber - first.DayNumber);
        double X(DateOnly d) => Left + (Width - Left - Right) * (d.DayNumber - first.DayNumber) / (double)span;
        double Y(double rate) => Top + (Height - Top - Bottom) * (1 - rate);

        var points = new StringBuilder($"{X(first):0.#},{Y(0):0.#}");
        var cumulative = 0;
        foreach (var d in days)
        {
            points.Append(CultureInfo.InvariantCulture, $" {X(d.Day):0.#},{Y(cumulative / (double)cases):0.#}");
            cumulative += d.FirstResponses;
            points.Append(CultureInfo.InvariantCulture, $" {X(d.Day):0.#},{Y(cumulative / (double)cases):0.#}");
        }
        points.Append(CultureInfo.InvariantCulture, $" {X(last):0.#},{Y(cumulative / (double)cases):0.#}");
        var rate = cumulative / (double)cases;
        var grid = string.Concat(new[] { 0, 0.25, 0.5, 0.75, 1 }.Select(g => string.Create(CultureInfo.InvariantCulture,
            $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(g):0.#}\" y2=\"{Y(g):0.#}\" class=\"grid\"/><text x=\"{Left - 6}\" y=\"{Y(g) + 4:0.#}\" text-anchor=\"end\">{g:P0}</text>")));
        var summary = $"Response rate rose to {rate:P0} ({cumulative} of {cases} cases) between {first:yyyy-MM-dd} and {last:yyyy-MM-dd}.";
        return string.Create(CultureInfo.InvariantCulture, $"""
            <figure class="chart">
            <svg viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="chart-title">
              <title id="chart-title">{E(summary)}</title>
              {grid}
              <polyline points="{points}" class="line"/>
              <text x="{Left}" y="{Height - 8}">{first:yyyy-MM-dd}</text>
              <text x="{Width - Right}" y="{Height - 8}" text-anchor="end">{last:yyyy-MM-dd}</text>
            </svg>
            <figcaption>{E(summary)}</figcaption>
            </figure>
            <details><summary>Responses per day</summary>
            <table><thead><tr><th scope="col">Day</th><th scope="col">First responses</th></tr></thead><tbody>
            {string.Concat(days.Select(d => $"<tr><td>{d.Day:yyyy-MM-dd}</td><td class=\"num\">{d.FirstResponses}</td></tr>"))}
            </tbody></table></details>
            """);
    }
}
