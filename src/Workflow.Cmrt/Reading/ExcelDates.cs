using System.Globalization;
using Workflow.Cmrt.Reading.Workbook;

namespace Workflow.Cmrt.Reading;

/// <summary>Dates arrive as Excel serials (1900 or 1904 system), as typed dates, or as text such as "27-Jun-2014".</summary>
internal static class ExcelDates
{
    private static readonly string[] TextFormats =
    [
        "yyyy-MM-dd", "d-MMM-yyyy", "dd-MMM-yyyy", "d-MMM-yy", "d MMM yyyy", "MMMM d, yyyy", "MMM d, yyyy", "M/d/yyyy", "MM/dd/yyyy",
        "d.M.yyyy", "dd.MM.yyyy", "yyyy/MM/dd", "yyyy.MM.dd", "yyyyMMdd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss",
    ];

    public static DateOnly? From(CellValue cell, bool date1904)
    {
        if (cell.IsError) return null;
        if (cell.Date is { } d) return DateOnly.FromDateTime(d);
        if (cell.Number is { } n) return FromSerial(n, date1904);
        var text = cell.Text.Trim();
        if (text.Length == 0) return null;
        if (DateTime.TryParseExact(text, TextFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            return DateOnly.FromDateTime(parsed);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)) return FromSerial(serial, date1904);
        return null;
    }

    private static DateOnly? FromSerial(double serial, bool date1904)
    {
        if (double.IsNaN(serial) || serial < 1 || serial > 2_958_465) return null;
        var origin = date1904 ? new DateTime(1904, 1, 1) : new DateTime(1899, 12, 30);
        return DateOnly.FromDateTime(origin.AddDays(Math.Floor(serial)));
    }
}
