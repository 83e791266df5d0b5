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
        ImportTable.Read(records, what, exactWidth, ProductColumns.All, errors, (line, Get) =>
            rows.Add((line, new ProductInput
            {
                ProductNumber = Get("productnumber"),
                ProductName = Get("productname"),
                Family = Get("family"),
                PartNumber = Get("partnumber"),
                SupplierCode = Get("suppliercode"),
                SupplierEmail = Get("supplieremail"),
                SupplierPartNumber = Get("supplierpartnumber"),
            })));
        return (rows, errors);
    }
}
