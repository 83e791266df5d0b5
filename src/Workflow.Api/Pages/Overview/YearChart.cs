using System.Globalization;
using Workflow.Application.Queries;

namespace Workflow.Api.Pages.Overview;

/// <summary>
/// Per reporting year, over all campaigns of that year: the response rate and the suppliers with red flags, as two
/// small bar charts side by side (two measures, two scales, never one chart with two axes). Every bar carries its value.
/// </summary>
public sealed record YearChart(IReadOnlyList<YearChart.Year> Years, IReadOnlyList<YearChart.Bar> RateBars, IReadOnlyList<YearChart.Bar> FlagBars, int Width)
{
    public const int Height = 200, Top = 24, Bottom = 30, Left = 12, Slot = 80, BarWidth = 48, PlotBottom = Height - Bottom;

    public sealed record Year(int ReportingYear, int Surveyed, int Responded, int RedFlags, double? RatePercent);
    public sealed record Bar(int ReportingYear, string Value, string X, string Center, string Y, string H, string LabelY);

    public static YearChart? Of(IReadOnlyList<CampaignFigures> campaigns)
    {
        if (campaigns.Count == 0) return null;
        var years = campaigns.GroupBy(c => c.ReportingYear).OrderBy(g => g.Key).Select(g =>
        {
            var surveyed = g.Sum(c => c.Surveyed);
            var responded = g.Sum(c => c.Responded);
            double? rate = surveyed == 0 ? null : Math.Round(100.0 * responded / surveyed, 1, MidpointRounding.AwayFromZero);
            return new Year(g.Key, surveyed, responded, g.Sum(c => c.RedFlags), rate);
        }).ToList();
        var maxFlags = Math.Max(1, years.Max(y => y.RedFlags));
        var rates = years.Select((y, i) => BarOf(y.ReportingYear, i, (y.RatePercent ?? 0) / 100, y.RatePercent is { } r ? r.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—")).ToList();
        var flags = years.Select((y, i) => BarOf(y.ReportingYear, i, y.RedFlags / (double)maxFlags, y.RedFlags.ToString(CultureInfo.InvariantCulture))).ToList();
        return new YearChart(years, rates, flags, Math.Max(280, Left * 2 + years.Count * Slot));
    }

    private static Bar BarOf(int year, int index, double share, string value)
    {
        var h = (PlotBottom - Top) * share;
        var x = Left + index * Slot + (Slot - BarWidth) / 2.0;
        return new Bar(year, value, S(x), S(x + BarWidth / 2.0), S(PlotBottom - h), S(h), S(PlotBottom - h - 6));
    }

    private static string S(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
