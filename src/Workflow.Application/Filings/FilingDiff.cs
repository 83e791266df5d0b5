using Workflow.Application.Reports;

namespace Workflow.Application.Filings;

/// <summary>One report figure whose frozen value differs from the live one.</summary>
public sealed record FigureChange(string Section, string Figure, string Frozen, string Live);

/// <summary>
/// What has changed since a filing was frozen: report figures that differ (the campaign's bookkeeping lines and the
/// summary sentences, which restate the figures, left out) and Appendix A lines added or gone.
/// </summary>
public sealed record FilingDiff(
    Guid FilingId,
    DateOnly AsOf,
    string Sha256,
    IReadOnlyList<FigureChange> Figures,
    IReadOnlyList<string> AppendixAAdded,
    IReadOnlyList<string> AppendixARemoved)
{
    private static readonly HashSet<string> Bookkeeping = ["Generated at", "Effort through"];

    public bool Unchanged => Figures.Count == 0 && AppendixAAdded.Count == 0 && AppendixARemoved.Count == 0;

    public static FilingDiff Between(FrozenFiling filing, CampaignReport frozen, byte[] frozenAppendixCsv, CampaignReport live,
        IReadOnlyList<AppendixARow> liveAppendix)
    {
        static Dictionary<(string, string), string> Figures(CampaignReport r) => ReportTable.Lines(r)
            .Where(l => l.Section != "Summary" && !Bookkeeping.Contains(l.Figure))
            .GroupBy(l => (l.Section, l.Figure))
            .ToDictionary(g => g.Key, g => string.Join("; ", g.Select(l => ReportTable.Text(l.Value))));

        var before = Figures(frozen);
        var after = Figures(live);
        var changes = before.Keys.Union(after.Keys)
            .Select(k => new FigureChange(k.Item1, k.Item2, before.GetValueOrDefault(k) ?? "", after.GetValueOrDefault(k) ?? ""))
            .Where(c => c.Frozen != c.Live)
            .ToList();

        // Both sides through the same CSV writer, so neutralised formula starts compare alike.
        var frozenRows = Rows(frozenAppendixCsv);
        var liveRows = Rows(ReportExports.AppendixCsv(liveAppendix));
        return new FilingDiff(filing.Id, filing.AsOf, filing.Sha256, changes,
            liveRows.Except(frozenRows).ToList(), frozenRows.Except(liveRows).ToList());
    }

    private static List<string> Rows(byte[] csv) => FilingParts.CsvRows(csv).Select(r => string.Join(" | ", r)).ToList();
}
