namespace Workflow.Cmrt.Reading.Workbook;

/// <summary>
/// A cached cell value as stored in the file. <see cref="Text"/> is the display-independent text (numbers in
/// invariant culture); <see cref="Number"/> is set for numeric cells; <see cref="Date"/> only when the source format
/// knows the cell is a date (BIFF8 via ExcelDataReader).
/// </summary>
internal readonly record struct CellValue(string Text, double? Number = null, DateTime? Date = null, bool IsError = false)
{
    public bool IsEmpty => Text.Length == 0 && Number is null && Date is null;
}
