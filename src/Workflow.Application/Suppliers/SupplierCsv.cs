using System.Text;

namespace Workflow.Application.Suppliers;

/// <summary>
/// Reads the supplier CSV (a header naming the columns of <see cref="SupplierColumns"/>, RFC 4180 quoting). Structural
/// problems (unterminated quote) are reported per line; the columns are read by <see cref="SupplierTable"/>.
/// </summary>
public static class SupplierCsv
{
    public static (List<(int Line, SupplierInput Input)> Rows, List<ImportError> Errors) Parse(string text)
    {
        var errors = new List<ImportError>();
        var records = SplitRecords(text, errors);
        var (rows, tableErrors) = SupplierTable.Parse(records.Select(r => (r.Line, (IReadOnlyList<string>)r.Fields)).ToList(), "CSV", exactWidth: true);
        errors.AddRange(tableErrors);
        return (rows, errors);
    }

    internal static List<(int Line, List<string> Fields)> SplitRecords(string text, List<ImportError> errors)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i == 0 && c == '\uFEFF') continue;
            any = true;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString()); field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    records.Add((recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    any = false;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (inQuotes) errors.Add(new ImportError(recordLine, "row", "A quoted field is not closed."));
        if (any || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }
        return records;
    }
}
