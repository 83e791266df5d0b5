using System.Text;
using System.Text.RegularExpressions;

namespace Workflow.Application.Exports;

/// <summary>
/// The one CSV writer of the service (reports, Appendix A, the escalation queue): RFC 4180 (CRLF line ends, fields
/// with commas, quotes or line breaks quoted, quotes doubled), and safe to open in a spreadsheet. Cells come from
/// supplier workbooks and imports, so a cell starting with <c>= + - @</c>, a tab or a carriage return is prefixed with
/// <c>'</c>: Excel and LibreOffice then show it as text instead of running it as a formula
/// (<c>=HYPERLINK(...)</c>, <c>=cmd|' /C calc'!A0</c>). Plain numbers ("-3", "+1.5") are left as they are.
/// </summary>
public static partial class Csv
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] Utf8(IEnumerable<IReadOnlyList<string?>> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows) AppendRow(sb, row);
        return Utf8NoBom.GetBytes(sb.ToString());
    }

    /// <summary>Writes one row, for exports streamed straight to the response.</summary>
    public static Task WriteRowAsync(TextWriter writer, IReadOnlyList<string?> row)
    {
        var sb = new StringBuilder();
        AppendRow(sb, row);
        return writer.WriteAsync(sb.ToString());
    }

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (StartsLikeAFormula(value)) value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>The cell as it was before <see cref="Field"/> neutralised a formula start (for showing a name in a document).</summary>
    public static string Unneutralised(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && StartsLikeAFormula(cell[1..]) ? cell[1..] : cell;

    private static void AppendRow(StringBuilder sb, IReadOnlyList<string?> row)
    {
        for (var i = 0; i < row.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(Field(row[i]));
        }
        sb.Append("\r\n");
    }

    private static bool StartsLikeAFormula(string value) =>
        value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(value);

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
