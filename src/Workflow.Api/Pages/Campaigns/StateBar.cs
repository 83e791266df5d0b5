using System.Globalization;
using Workflow.Domain.Cases;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>The cases per visible state as one stacked horizontal bar: each state's segment, count and share.</summary>
public sealed record StateBar(IReadOnlyList<StateBar.Segment> Segments, int Total)
{
    public const int Width = 720, Height = 44;

    public sealed record Segment(string State, int Count, double Percent, string X, string W);

    public static StateBar Of(IReadOnlyDictionary<string, int> counts)
    {
        var total = counts.Values.Sum();
        var segments = new List<Segment>();
        var x = 0.0;
        foreach (var state in Enum.GetNames<CaseState>())
        {
            var n = counts.GetValueOrDefault(state);
            var w = total == 0 ? 0 : Width * (double)n / total;
            segments.Add(new Segment(state, n, total == 0 ? 0 : Math.Round(100.0 * n / total, 1, MidpointRounding.AwayFromZero),
                x.ToString("0.##", CultureInfo.InvariantCulture), w.ToString("0.##", CultureInfo.InvariantCulture)));
            x += w;
        }
        return new StateBar(segments, total);
    }
}

/// <summary>Horizontal bars with counts: one row per label, the longest bar the largest count.</summary>
public sealed record CountBars(IReadOnlyList<CountBars.Bar> Bars, int Height)
{
    public const int Width = 560, LabelWidth = 230, RowHeight = 26, BarMax = Width - LabelWidth - 40;

    public sealed record Bar(string Label, int Count, string Y, string TextY, string W, string CountX);

    public static CountBars Of(IEnumerable<Application.Queries.RedFlagCount> counts)
    {
        var list = counts.ToList();
        var max = Math.Max(1, list.Select(c => c.Suppliers).DefaultIfEmpty(0).Max());
        var bars = list.Select((c, i) =>
        {
            var w = Math.Max(2, BarMax * (double)c.Suppliers / max);
            return new Bar(c.Label, c.Suppliers, S(i * RowHeight + 4), S(i * RowHeight + 18), S(w), S(LabelWidth + w + 6));
        }).ToList();
        return new CountBars(bars, Math.Max(RowHeight, list.Count * RowHeight + 4));
    }

    private static string S(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
