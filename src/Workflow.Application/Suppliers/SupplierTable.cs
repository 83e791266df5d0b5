using System.Globalization;

namespace Workflow.Application.Suppliers;

/// <summary>
/// Reads a supplier table (CSV records or a worksheet's rows: a header, then one supplier per row) into inputs. Every
/// problem is reported, with its row and column, rather than guessed around.
/// </summary>
public static class SupplierTable
{
    /// <param name="what">What the table is, for messages ("CSV", "worksheet").</param>
    /// <param name="exactWidth">Every row has as many fields as the header (CSV); a worksheet row may end early.</param>
    public static (List<(int Line, SupplierInput Input)> Rows, List<ImportError> Errors) Parse(
        IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> records, string what, bool exactWidth)
    {
        var rows = new List<(int, SupplierInput)>();
        var errors = new List<ImportError>();
        var first = records.FirstOrDefault(r => r.Fields.Any(f => !string.IsNullOrWhiteSpace(f)));
        if (first.Fields is null)
        {
            errors.Add(new ImportError(1, "header", $"The {what} is empty; expected a header row naming the columns: {SupplierColumns.Names}."));
            return (rows, errors);
        }
        var header = first.Fields.Select(SupplierColumns.Normalise).ToArray();
        foreach (var h in header.Where(h => h.Length > 0 && !SupplierColumns.IsKnown(h)))
            errors.Add(new ImportError(first.Line, h, $"Unknown column '{h}'; the columns are: {SupplierColumns.Names}."));
        foreach (var required in SupplierColumns.All.Where(c => c.Required && !header.Contains(SupplierColumns.Normalise(c.Name))))
            errors.Add(new ImportError(first.Line, required.Name, $"Missing required column '{required.Name}'."));
        foreach (var twice in header.Where(h => h.Length > 0).GroupBy(h => h).Where(g => g.Count() > 1))
            errors.Add(new ImportError(first.Line, twice.Key, $"Column '{twice.Key}' is given twice."));
        if (errors.Count > 0) return (rows, errors);

        foreach (var (line, fields) in records.Where(r => r.Line > first.Line))
        {
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            if (fields.Count > header.Length && fields.Skip(header.Length).Any(f => !string.IsNullOrWhiteSpace(f)))
            {
                errors.Add(new ImportError(line, "row", $"Expected {header.Length} fields as in the header, found {fields.Count}."));
                continue;
            }
            if (exactWidth && fields.Count != header.Length)
            {
                errors.Add(new ImportError(line, "row", $"Expected {header.Length} fields as in the header, found {fields.Count}."));
                continue;
            }
            string? Get(string col)
            {
                var i = Array.IndexOf(header, col);
                return i < 0 || i >= fields.Count || string.IsNullOrWhiteSpace(fields[i]) ? null : fields[i].Trim();
            }
            decimal? Number(string col, string name)
            {
                var v = Get(col);
                if (v is null) return null;
                if (decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) return d;
                errors.Add(new ImportError(line, name, $"'{v}' is not a number (use a dot as decimal separator)."));
                return null;
            }
            int? Integer(string col, string name)
            {
                var v = Get(col);
                if (v is null) return null;
                if (int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
                // A worksheet stores 3 as 3.0 in some writers.
                if (decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue) return (int)d;
                errors.Add(new ImportError(line, name, $"'{v}' is not a whole number."));
                return null;
            }
            bool? Flag(string col, string name)
            {
                var v = Get(col);
                if (v is null) return null;
                if (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("yes", StringComparison.OrdinalIgnoreCase) || v == "1") return true;
                if (v.Equals("false", StringComparison.OrdinalIgnoreCase) || v.Equals("no", StringComparison.OrdinalIgnoreCase) || v == "0") return false;
                errors.Add(new ImportError(line, name, $"'{v}' is not yes/no."));
                return null;
            }
            static IReadOnlyList<string>? List(string? v) => v?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            rows.Add((line, new SupplierInput
            {
                Code = Get("code"),
                Name = Get("name"),
                Email = Get("email"),
                Country = Get("country"),
                ContactName = Get("contactname"),
                ContactEmails = List(Get("contactemails")),
                Spend = Number("spend", "spend"),
                DeliveryQuantity = Number("deliveryquantity", "deliveryQuantity"),
                Priority = Integer("priority", "priority"),
                InScope = Flag("inscope", "inScope"),
                ScopeReason = Get("scopereason"),
                Language = Get("language"),
                Parts = List(Get("parts")),
            }));
        }
        return (rows, errors);
    }
}
