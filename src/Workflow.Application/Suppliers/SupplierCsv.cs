using System.Globalization;
using System.Text;

namespace Workflow.Application.Suppliers;

/// <summary>
/// Reads the supplier CSV (<c>name,email,country[,spend][,contactName]</c>, RFC 4180 quoting). Structural problems
/// (unknown column, unterminated quote, wrong field count) are reported per line rather than guessed around.
/// </summary>
public static class SupplierCsv
{
    private static readonly string[] Required = ["name", "email", "country"];
    private static readonly string[] Known = ["name", "email", "country", "spend", "contactname", "deliveryquantity", "inscope", "language", "parts"];

    public static (List<(int Line, SupplierInput Input)> Rows, List<ImportError> Errors) Parse(string text)
    {
        var rows = new List<(int, SupplierInput)>();
        var errors = new List<ImportError>();
        var records = SplitRecords(text, errors);
        if (records.Count == 0)
        {
            errors.Add(new ImportError(1, "header", "The CSV is empty; expected a header line name,email,country[,spend][,contactName]."));
            return (rows, errors);
        }
        var header = records[0].Fields.Select(h => h.Trim().Replace("_", "").Replace(" ", "").ToLowerInvariant()).ToArray();
        foreach (var h in header.Where(h => !Known.Contains(h)))
            errors.Add(new ImportError(1, h, $"Unknown column '{h}'; allowed: name, email, country, spend, contactName, deliveryQuantity, inScope, language, parts."));
        foreach (var r in Required.Where(r => !header.Contains(r)))
            errors.Add(new ImportError(1, r, $"Missing required column '{r}'."));
        if (errors.Count > 0) return (rows, errors);

        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0])) continue;
            if (fields.Count != header.Length)
            {
                errors.Add(new ImportError(line, "row", $"Expected {header.Length} fields as in the header, found {fields.Count}."));
                continue;
            }
            string? Get(string col) { var i = Array.IndexOf(header, col); return i < 0 || string.IsNullOrWhiteSpace(fields[i]) ? null : fields[i].Trim(); }
            decimal? Number(string col)
            {
                var v = Get(col);
                if (v is null) return null;
                if (decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) return d;
                errors.Add(new ImportError(line, col, $"'{v}' is not a number (use a dot as decimal separator)."));
                return null;
            }
            bool? Flag(string col)
            {
                var v = Get(col);
                if (v is null) return null;
                if (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("yes", StringComparison.OrdinalIgnoreCase) || v == "1") return true;
                if (v.Equals("false", StringComparison.OrdinalIgnoreCase) || v.Equals("no", StringComparison.OrdinalIgnoreCase) || v == "0") return false;
                errors.Add(new ImportError(line, col, $"'{v}' is not yes/no."));
                return null;
            }
            rows.Add((line, new SupplierInput
            {
                Name = Get("name"),
                Email = Get("email"),
                Country = Get("country"),
                Spend = Number("spend"),
                DeliveryQuantity = Number("deliveryquantity"),
                ContactName = Get("contactname"),
                InScope = Flag("inscope"),
                Language = Get("language"),
                Parts = Get("parts")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            }));
        }
        return (rows, errors);
    }

    private static List<(int Line, List<string> Fields)> SplitRecords(string text, List<ImportError> errors)
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
