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
        ImportTable.Read(records, what, exactWidth, SupplierColumns.All, errors, (line, Get) =>
        {
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
        });
        return (rows, errors);
    }
}
