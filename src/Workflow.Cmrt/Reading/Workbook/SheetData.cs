using System.Globalization;

namespace Workflow.Cmrt.Reading.Workbook;

/// <summary>The non-empty cells of one worksheet (only the columns and rows a reader asked for).</summary>
internal sealed class SheetData(string name)
{
    private readonly Dictionary<long, CellValue> _cells = new();

    public string Name { get; } = name;
    public int MaxRow { get; private set; }
    public int CellCount => _cells.Count;

    public void Set(int row, int column, CellValue value)
    {
        if (value.IsEmpty) return;
        _cells[Key(row, column)] = value;
        if (row > MaxRow) MaxRow = row;
    }

    public CellValue Get(int row, int column) =>
        _cells.TryGetValue(Key(row, column), out var v) ? v : default(CellValue) with { Text = string.Empty };

    public CellValue Get(string address)
    {
        var (row, column) = CellAddress.Parse(address);
        return Get(row, column);
    }

    /// <summary>Trimmed text, null when empty or an error value such as #N/A.</summary>
    public string? Text(int row, int column)
    {
        var v = Get(row, column);
        if (v.IsError) return null;
        if (v.Date is { } d) return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var t = v.Text.Trim();
        // Non-Excel writers sometimes store formula errors as text.
        if (t.Length == 0 || (t[0] == '#' && t is "#N/A" or "#REF!" or "#VALUE!" or "#NAME?" or "#DIV/0!" or "#NULL!" or "#NUM!")) return null;
        return t;
    }

    public string? Text(string address)
    {
        var (row, column) = CellAddress.Parse(address);
        return Text(row, column);
    }

    private static long Key(int row, int column) => ((long)row << 16) | (uint)column;
}
