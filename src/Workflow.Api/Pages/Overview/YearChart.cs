using System.Globalization;
using Workflow.Application.Queries;

namespace Workflow.Api.Pages.Overview;

/// <summary>
/// Response rate (bars, left scale 0–100%) and suppliers with red flags (dots and numbers) per reporting year, over all
/// campaigns of that year. Two measures, two encodings, each labelled with its value so no second axis is needed.
/// </summary>
public sealed record YearChart(IReadOnlyList<YearChart.Year> Years, int Width)
{
    public const int Height = 220, Left = 44, Top = 24, Bottom = 40, Slot = 110, PlotBottom = Height - Bottom;

    public sealed record Year(int ReportingYear, int Surveyed, int Responded, int RedFlags, double? RatePercent,
        string X, string Center, string BarY, string BarHeight, string RateLabelY, string FlagY);

    public static YearChart? Of(IReadOnlyList<CampaignFigures> campaigns)
    {
        if (campaigns.Count == 0) return null;
        var maxFlags = Math.Max(1, campaigns.GroupBy(c => c.ReportingYear).Max(g => g.Sum(c => c.RedFlags)));
        var years = campaigns.GroupBy(c => c.ReportingYear).OrderBy(g => g.Key).Select((g, i) =>
        {
            var surveyed = g.Sum(c => c.Surveyed);
            var responded = g.Sum(c => c.Responded);
            var flags = g.Sum(c => c.RedFlags);
            double? rate = surveyed == 0 ? null : Math.Round(100.0 * responded / surveyed, 1, MidpointRounding.AwayFromZero);
            var plot = PlotBottom - Top;
            var h = plot * (rate ?? 0) / 100;
            var x = Left + 16 + i * Slot;
            return new Year(g.Key, surveyed, responded, flags, rate, S(x), S(x + 30), S(PlotBottom - h), S(h),
                S(PlotBottom - h - 6), S(PlotBottom - plot * flags / (double)maxFlags));
        }).ToList();
        return new YearChart(years, Left + 32 + years.Count * Slot);
    }

    private static string S(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
