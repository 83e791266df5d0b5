using System.Globalization;
using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Workflow.Cmrt.Reading.Workbook;

/// <summary>
/// OLE2 containers: BIFF8 .xls and encrypted OOXML, both usually encrypted with Excel's default password.
/// ExcelDataReader only reads forward, so the sheets a reader may need are loaded in one pass up front.
/// </summary>
internal sealed class Ole2Workbook : IWorkbook
{
    private static readonly Lazy<bool> CodePages = new(() =>
    {
        // BIFF8 strings may be stored in legacy code pages that .NET Core does not ship by default.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    private readonly Dictionary<string, SheetData> _sheets = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];

    public Ole2Workbook(Stream stream, ReadBudget budget, Func<string, int?> wantedSheets)
    {
        _ = CodePages.Value;
        var options = budget.Options;
        var config = new ExcelReaderConfiguration { Password = options.DefaultPassword, LeaveOpen = true };
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateReader(stream, config);
        }
        catch (InvalidPasswordException)
        {
            throw new UnreadableWorkbookException(
                "The workbook is protected with a password other than Excel's default; save it without a password to open and send it again.");
        }
        catch (HeaderException)
        {
            throw new UnreadableWorkbookException("The file is an OLE2 (legacy Office) container but not an Excel workbook.");
        }
        using (reader)
        {
            do
            {
                budget.CheckTime();
                var name = reader.Name ?? string.Empty;
                _names.Add(name);
                if (wantedSheets(name) is not { } maxColumn || _sheets.ContainsKey(name)) continue;
                // ExcelDataReader walks the sheet's declared dimension inside one Read() call, out of reach of the time
                // budget: a damaged DIMENSIONS record claiming a billion rows would hold it for minutes. Refuse first.
                if (reader.RowCount > options.MaxRowsPerSheet)
                    throw new UnreadableWorkbookException($"Sheet '{name}' has more than {options.MaxRowsPerSheet} rows.");
                var sheet = new SheetData(name);
                var row = 0;
                var cells = 0;
                while (reader.Read())
                {
                    row++;
                    if (row > options.MaxRowsPerSheet)
                        throw new UnreadableWorkbookException($"Sheet '{name}' has more than {options.MaxRowsPerSheet} rows.");
                    if ((row & 127) == 0) budget.CheckTime();
                    var n = Math.Min(reader.FieldCount, maxColumn);
                    cells += reader.FieldCount;
                    if (cells > options.MaxCellsPerSheet)
                        throw new UnreadableWorkbookException($"Sheet '{name}' has more than {options.MaxCellsPerSheet} cells.");
                    for (var c = 0; c < n; c++)
                    {
                        var value = reader.GetValue(c);
                        if (value is null) continue;
                        sheet.Set(row, c + 1, Convert(value));
                    }
                }
                _sheets[name] = sheet;
            }
            while (reader.NextResult());
        }
    }

    public IReadOnlyList<string> SheetNames => _names;
    public bool Date1904 => false;

    public SheetData? Sheet(string name, int maxColumn, int maxRow = int.MaxValue) =>
        _sheets.TryGetValue(name, out var s) ? s : null;

    public void Dispose() { }

    private static CellValue Convert(object value) => value switch
    {
        string s => new CellValue(s),
        double d => new CellValue(d.ToString("R", CultureInfo.InvariantCulture), d),
        int i => new CellValue(i.ToString(CultureInfo.InvariantCulture), i),
        bool b => new CellValue(b ? "TRUE" : "FALSE"),
        DateTime dt => new CellValue(dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Date: dt),
        _ => new CellValue(System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };
}
