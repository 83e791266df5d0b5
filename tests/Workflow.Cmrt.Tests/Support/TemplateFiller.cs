using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Workflow.Cmrt.Tests.Support;

/// <summary>
/// Fills a copy of a blank RMI template by cell address with the Open XML SDK. Written cells become literal values
/// (any formula is removed) and formulas elsewhere keep their empty cached values, as with files saved by tools
/// that do not recalculate.
/// </summary>
public sealed class TemplateFiller
{
    private readonly Dictionary<string, Dictionary<string, object?>> _edits = new(StringComparer.Ordinal);

    public TemplateFiller Set(string sheet, string address, object? value)
    {
        if (!_edits.TryGetValue(sheet, out var cells)) _edits[sheet] = cells = new Dictionary<string, object?>(StringComparer.Ordinal);
        cells[address] = value;
        return this;
    }

    public TemplateFiller Declaration(string address, object? value) => Set("Declaration", address, value);
    public TemplateFiller Smelter(string address, object? value) => Set("Smelter List", address, value);
    public TemplateFiller Product(string address, object? value) => Set("Product List", address, value);

    public TemplateFiller Clone()
    {
        var copy = new TemplateFiller();
        foreach (var (sheet, cells) in _edits)
            foreach (var (address, value) in cells) copy.Set(sheet, address, value);
        return copy;
    }

    /// <summary>Writes the filled copy to a temporary file and returns its path.</summary>
    public string Save(string templatePath, string directory)
    {
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.xlsx");
        File.Copy(templatePath, path);
        using (var document = SpreadsheetDocument.Open(path, true))
        {
            var workbookPart = document.WorkbookPart!;
            foreach (var (sheetName, cells) in _edits)
            {
                var sheet = workbookPart.Workbook.Descendants<Sheet>().Single(s => s.Name == sheetName);
                var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
                var data = worksheet.GetFirstChild<SheetData>()!;
                foreach (var (address, value) in cells) Write(data, address, value);
                worksheet.Save();
            }
        }
        return path;
    }

    private static void Write(SheetData data, string address, object? value)
    {
        var rowIndex = uint.Parse(new string(address.Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture);
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == rowIndex);
        if (row is null)
        {
            row = new Row { RowIndex = rowIndex };
            var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex?.Value < rowIndex);
            if (after is null) data.PrependChild(row); else after.InsertAfterSelf(row);
        }
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == address);
        if (cell is null)
        {
            cell = new Cell { CellReference = address };
            var column = ColumnNumber(address);
            var after = row.Elements<Cell>().LastOrDefault(c => ColumnNumber(c.CellReference!.Value!) < column);
            if (after is null) row.PrependChild(cell); else after.InsertAfterSelf(cell);
        }
        cell.CellFormula = null;
        cell.CellValue = null;
        cell.InlineString = null;
        switch (value)
        {
            case null:
                cell.DataType = null;
                break;
            case double or int or decimal:
                cell.DataType = null;
                cell.CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            case DateOnly date:
                cell.DataType = null;
                cell.CellValue = new CellValue((date.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture));
                break;
            default:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture)!) { Space = SpaceProcessingModeValues.Preserve });
                break;
        }
    }

    private static int ColumnNumber(string address)
    {
        var n = 0;
        foreach (var c in address.TakeWhile(char.IsLetter)) n = n * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return n;
    }
}
