using Workflow.Cmrt.Reading;

namespace Workflow.Application.Suppliers;

/// <summary>A supplier list as a workbook: the first worksheet, the header in its first non-empty row.</summary>
public static class SupplierXlsx
{
    private const int MaxRows = 200_000;

    public static (List<(int Line, SupplierInput Input)> Rows, List<ImportError> Errors) Parse(byte[] workbook)
    {
        IReadOnlyList<(int Row, IReadOnlyList<string> Cells)> sheet;
        try
        {
            sheet = WorkbookRows.FirstSheet(new MemoryStream(workbook, writable: false), SupplierColumns.All.Count + 5, MaxRows);
        }
        catch (InvalidDataException e)
        {
            return ([], [new ImportError(0, "file", $"The workbook cannot be read: {e.Message}")]);
        }
        return SupplierTable.Parse(sheet, "worksheet", exactWidth: false);
    }
}
