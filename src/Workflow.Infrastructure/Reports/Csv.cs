using System.Text;

namespace Workflow.Infrastructure.Reports;

/// <summary>RFC 4180 CSV: CRLF line ends, fields with commas, quotes or line breaks quoted, quotes doubled.</summary>
public static class Csv
{
    public static byte[] Utf8(IEnumerable<IReadOnlyList<string?>> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append(Field(row[i]));
            }
            sb.Append("\r\n");
        }
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(sb.ToString());
    }

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
