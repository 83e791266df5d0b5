using Workflow.Application.Exports;
using Workflow.Cmrt.Writing;

namespace Workflow.Application.Reports;

/// <summary>The report, Appendix A and the names to follow up as CSV and XLSX files.</summary>
public static class ReportExports
{
    public static byte[] ReportCsv(CampaignReport report) =>
        Csv.Utf8(ReportTable.Lines(report).Select(l => (IReadOnlyList<string?>)[l.Section, l.Figure, ReportTable.Text(l.Value)]).Prepend(ReportTable.Header));

    public static byte[] AppendixCsv(IReadOnlyList<AppendixARow> rows) =>
        Csv.Utf8(rows.Select(r => (IReadOnlyList<string?>)r.Cells()).Prepend(AppendixARow.Header));

    public static byte[] UnrecognisedCsv(IReadOnlyList<UnrecognisedSmelterRow> rows) =>
        Csv.Utf8(rows.Select(r => (IReadOnlyList<string?>)r.Cells()).Prepend(UnrecognisedSmelterRow.Header));

    public static byte[] ReportXlsx(CampaignReport report, IReadOnlyList<AppendixARow> appendix, IReadOnlyList<UnrecognisedSmelterRow> unrecognised)
    {
        var book = new XlsxWriter();
        var sheet = book.Sheet("Report");
        WriteRow(sheet, 1, ReportTable.Header);
        var row = 2;
        foreach (var (section, figure, value) in ReportTable.Lines(report))
        {
            sheet.Set(row, 1, section).Set(row, 2, figure);
            if (value is int or double) sheet.Set(row, 3, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
            else sheet.Set(row, 3, ReportTable.Text(value));
            row++;
        }
        var flags = book.Sheet("Red-flag smelters");
        WriteRow(flags, 1, ["CID", "Metal", "Smelter", "Country", "Reasons", "Named by"]);
        row = 2;
        foreach (var s in report.RedFlagSmelters)
            WriteRow(flags, row++, [s.Cid, s.Metal, s.Name, s.Country, string.Join("; ", s.Reasons), string.Join("; ", s.Suppliers)]);
        WriteAppendix(book.Sheet("Appendix A"), appendix);
        var names = book.Sheet("Names to follow up");
        WriteRow(names, 1, UnrecognisedSmelterRow.Header);
        for (var i = 0; i < unrecognised.Count; i++) WriteRow(names, i + 2, unrecognised[i].Cells());
        return book.ToBytes();
    }

    public static byte[] AppendixXlsx(IReadOnlyList<AppendixARow> rows)
    {
        var book = new XlsxWriter();
        WriteAppendix(book.Sheet("Appendix A"), rows);
        return book.ToBytes();
    }

    private static void WriteAppendix(XlsxSheet sheet, IReadOnlyList<AppendixARow> rows)
    {
        WriteRow(sheet, 1, AppendixARow.Header);
        for (var i = 0; i < rows.Count; i++) WriteRow(sheet, i + 2, rows[i].Cells());
    }

    private static void WriteRow(XlsxSheet sheet, int row, IReadOnlyList<string?> cells)
    {
        for (var c = 0; c < cells.Count; c++) sheet.Set(row, c + 1, cells[c]);
    }
}
