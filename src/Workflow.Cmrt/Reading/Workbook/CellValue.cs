using System.Globalization;

namespace Workflow.Cmrt.Reading.Workbook;

/// <summary>
/// A cached cell value as stored in the file. <see cref="Text"/> is the display-independent text (numbers in
/// invariant culture); <see cref="Number"/> is set for numeric cells; <see cref="Date"/> only when the source format
/// knows the cell is a date (BIFF8 via ExcelDataReader).
/// </summary>
internal readonly record struct CellValue(string Text, double? Number = null, DateTime? Date = null, bool IsError = false)
{
    public bool IsEmpty => Text.Length == 0 && Number is null && Date is null;

    /// <summary>
    /// A worksheet cell from its OOXML type attribute (t="s", "inlineStr", "str", "e", "b", "d" or absent for numbers),
    /// its &lt;v&gt; text and its inline string; both sheet readers (the byte scanner and the XmlReader fallback) use this.
    /// </summary>
    public static CellValue FromOoxml(string? type, string? raw, string? inline, Func<int, string?> sharedString)
    {
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && sharedString(i) is { } text
                    ? new CellValue(text)
                    : new CellValue(string.Empty);
            case "inlineStr":
                return new CellValue(inline ?? string.Empty);
            case "str":
                return new CellValue(raw ?? string.Empty);
            case "e":
                return new CellValue(raw ?? "#ERROR", IsError: true);
            case "b":
                return new CellValue(raw == "1" ? "TRUE" : "FALSE");
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d)
                    ? new CellValue(raw!, Date: d)
                    : new CellValue(raw ?? string.Empty);
            default:
                if (raw is null) return new CellValue(string.Empty);
                return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                    ? new CellValue(n.ToString("R", CultureInfo.InvariantCulture), n)
                    : new CellValue(raw);
        }
    }
}
