namespace Workflow.Cmrt.Reading;

/// <summary>
/// The first worksheet of any workbook the CMRT reader accepts, as rows of text, for imports that are tables (supplier
/// lists): the same defensive opening (size and cell budgets, no formulas evaluated) as a supplier's CMRT.
/// </summary>
public static class WorkbookRows
{
    /// <returns>1-based row number and the cells' text (empty string for an empty cell) up to <paramref name="maxColumns"/>.</returns>
    /// <exception cref="InvalidDataException">Not an Excel workbook, or one that breaks the read budget (the message says which).</exception>
    public static IReadOnlyList<(int Row, IReadOnlyList<string> Cells)> FirstSheet(Stream stream, int maxColumns, int maxRows)
    {
        try
        {
            return Read(stream, maxColumns, maxRows);
        }
        catch (UnreadableWorkbookException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    private static List<(int, IReadOnlyList<string>)> Read(Stream stream, int maxColumns, int maxRows)
    {
        using var workbook = WorkbookOpener.Open(stream, CmrtReaderOptions.Default);
        if (workbook.SheetNames.Count == 0) return [];
        var sheet = workbook.Sheet(workbook.SheetNames[0], maxColumns, maxRows);
        if (sheet is null) return [];
        var rows = new List<(int, IReadOnlyList<string>)>(sheet.MaxRow);
        for (var row = 1; row <= sheet.MaxRow; row++)
        {
            var cells = new string[maxColumns];
            for (var column = 1; column <= maxColumns; column++) cells[column - 1] = sheet.Text(row, column) ?? "";
            var last = Array.FindLastIndex(cells, c => c.Length > 0);
            rows.Add((row, cells[..(last + 1)]));
        }
        return rows;
    }
}
