using Workflow.Application.Suppliers;
using Workflow.Cmrt.Reading;

namespace Workflow.Application.Products;

/// <summary>
/// Reads a product table (CSV records or the first worksheet: a header, then one bill-of-materials line per row).
/// Cells are kept as the text they are: "=SUM(A1)" is a product name like any other, never a formula.
/// </summary>
public static class ProductTable
{
    private const int MaxRows = 200_000;

    public static (List<(int Line, ProductInput Input)> Rows, List<ImportError> Errors) FromCsv(string text)
    {
        var errors = new List<ImportError>();
        var records = SupplierCsv.SplitRecords(text, errors);
        var (rows, tableErrors) = Parse(records.Select(r => (r.Line, (IReadOnlyList<string>)r.Fields)).ToList(), "CSV", exactWidth: true);
        errors.AddRange(tableErrors);
        return (rows, errors);
    }

    public static (List<(int Line, ProductInput Input)> Rows, List<ImportError> Errors) FromXlsx(byte[] workbook)
    {
        IReadOnlyList<(int Row, IReadOnlyList<string> Cells)> sheet;
        try
        {
            sheet = WorkbookRows.FirstSheet(new MemoryStream(workbook, writable: false), ProductColumns.All.Count + 5, MaxRows);
        }
        catch (InvalidDataException e)
        {
            return ([], [new ImportError(0, "file", $"The workbook cannot be read: {e.Message}")]);
        }
        return Parse(sheet, "worksheet", exactWidth: false);
    }

    /// <param name="exactWidth">Every row has as many fields as the header (CSV); a worksheet row may end early.</param>
    public static (List<(int Line, ProductInput Input)> Rows, List<ImportError> Errors) Parse(
        IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> records, string what, bool exactWidth)
    {
        var rows = new List<(int, ProductInput)>();
        var errors = new List<ImportError>();
        var first = records.FirstOrDefault(r => r.Fields.Any(f => !string.IsNullOrWhiteSpace(f)));
        if (first.Fields is null)
        {
            errors.Add(new ImportError(1, "header", $"The {what} is empty; expected a header row naming the columns: {ProductColumns.Names}."));
            return (rows, errors);
        }
        var header = first.Fields.Select(SupplierColumns.Normalise).ToArray();
        foreach (var h in header.Where(h => h.Length > 0 && !ProductColumns.IsKnown(h)))
            errors.Add(new ImportError(first.Line, h, $"Unknown column '{h}'; the columns are: {ProductColumns.Names}."));
        foreach (var required in ProductColumns.All.Where(c => c.Required && !header.Contains(SupplierColumns.Normalise(c.Name))))
            errors.Add(new ImportError(first.Line, required.Name, $"Missing required column '{required.Name}'."));
        foreach (var twice in header.Where(h => h.Length > 0).GroupBy(h => h).Where(g => g.Count() > 1))
            errors.Add(new ImportError(first.Line, twice.Key, $"Column '{twice.Key}' is given twice."));
        if (errors.Count > 0) return (rows, errors);

        foreach (var (line, fields) in records.Where(r => r.Line > first.Line))
        {
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            var tooWide = fields.Count > header.Length && fields.Skip(header.Length).Any(f => !string.IsNullOrWhiteSpace(f));
            if (tooWide || (exactWidth && fields.Count != header.Length))
            {
                errors.Add(new ImportError(line, "row", $"Expected {header.Length} fields as in the header, found {fields.Count}."));
                continue;
            }
            string? Get(string col)
            {
                var i = Array.IndexOf(header, col);
                return i < 0 || i >= fields.Count || string.IsNullOrWhiteSpace(fields[i]) ? null : fields[i].Trim();
            }
            rows.Add((line, new ProductInput
            {
                ProductNumber = Get("productnumber"),
                ProductName = Get("productname"),
                Family = Get("family"),
                PartNumber = Get("partnumber"),
                SupplierCode = Get("suppliercode"),
                SupplierEmail = Get("supplieremail"),
                SupplierPartNumber = Get("supplierpartnumber"),
            }));
        }
        return (rows, errors);
    }
}
