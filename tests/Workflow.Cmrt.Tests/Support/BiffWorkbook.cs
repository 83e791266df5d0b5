using NPOI.HSSF.UserModel;
using Workflow.Cmrt.Writing;

namespace Workflow.Cmrt.Tests.Support;

/// <summary>
/// The same sheets and cells as an .xlsx built by the project's writer, saved as a BIFF8 .xls (Excel 97–2003) by NPOI:
/// the older physical form suppliers still send, read through ExcelDataReader.
/// </summary>
public static class BiffWorkbook
{
    public static byte[] From(XlsxWriter book)
    {
        var workbook = new HSSFWorkbook();
        foreach (var (name, cells) in book.Sheets)
        {
            var sheet = workbook.CreateSheet(name);
            foreach (var (row, column, value) in cells)
            {
                var r = sheet.GetRow(row - 1) ?? sheet.CreateRow(row - 1);
                var cell = r.CreateCell(column - 1);
                if (value is double number) cell.SetCellValue(number);
                else cell.SetCellValue((string)value);
            }
        }
        using var buffer = new MemoryStream();
        workbook.Write(buffer);
        return buffer.ToArray();
    }
}
