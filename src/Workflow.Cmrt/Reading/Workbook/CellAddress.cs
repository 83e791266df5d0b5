namespace Workflow.Cmrt.Reading.Workbook;

/// <summary>A1-style address helpers (1-based rows and columns).</summary>
internal static class CellAddress
{
    public static string ColumnName(int column)
    {
        var name = string.Empty;
        while (column > 0)
        {
            var rem = (column - 1) % 26;
            name = (char)('A' + rem) + name;
            column = (column - 1) / 26;
        }
        return name;
    }

    public static string Of(int row, int column) => ColumnName(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses "AB12" into (12, 28); false for anything else, including out-of-range values.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int row, out int column)
    {
        row = 0;
        column = 0;
        var i = 0;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            column = column * 26 + (char.ToUpperInvariant(text[i]) - 'A' + 1);
            if (column > 16384) return false;
            i++;
        }
        if (i == 0 || i == text.Length) return false;
        for (; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i])) return false;
            row = row * 10 + (text[i] - '0');
            if (row > 1_048_576) return false;
        }
        return row > 0;
    }

    public static (int Row, int Column) Parse(string address) =>
        TryParse(address, out var r, out var c) ? (r, c) : throw new ArgumentException($"Not an A1 address: {address}", nameof(address));
}
