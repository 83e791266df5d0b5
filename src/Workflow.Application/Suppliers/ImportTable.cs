namespace Workflow.Application.Suppliers;

/// <summary>
/// The reading both registers' imports share (suppliers, products): find the header row, check it against the import's
/// columns (unknown, missing, given twice), then hand each non-empty data row to the caller as a lookup of trimmed
/// values by column. Every problem is reported with its row and column, nothing is guessed.
/// </summary>
public static class ImportTable
{
    /// <param name="what">What the table is, for messages ("CSV", "worksheet").</param>
    /// <param name="exactWidth">Every row has as many fields as the header (CSV); a worksheet row may end early.</param>
    /// <param name="errors">Where problems go, in the order met (the row callback may add its own in between).</param>
    /// <param name="row">Called for each data row with its line and a lookup by normalised column name (null when empty).</param>
    public static void Read(IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> records, string what, bool exactWidth,
        IReadOnlyList<SupplierColumn> columns, List<ImportError> errors, Action<int, Func<string, string?>> row)
    {
        var names = string.Join(", ", columns.Select(c => c.Name));
        var before = errors.Count;
        var first = records.FirstOrDefault(r => r.Fields.Any(f => !string.IsNullOrWhiteSpace(f)));
        if (first.Fields is null)
        {
            errors.Add(new ImportError(1, "header", $"The {what} is empty; expected a header row naming the columns: {names}."));
            return;
        }
        var known = columns.Select(c => SupplierColumns.Normalise(c.Name)).ToHashSet();
        var header = first.Fields.Select(SupplierColumns.Normalise).ToArray();
        foreach (var h in header.Where(h => h.Length > 0 && !known.Contains(h)))
            errors.Add(new ImportError(first.Line, h, $"Unknown column '{h}'; the columns are: {names}."));
        foreach (var required in columns.Where(c => c.Required && !header.Contains(SupplierColumns.Normalise(c.Name))))
            errors.Add(new ImportError(first.Line, required.Name, $"Missing required column '{required.Name}'."));
        foreach (var twice in header.Where(h => h.Length > 0).GroupBy(h => h).Where(g => g.Count() > 1))
            errors.Add(new ImportError(first.Line, twice.Key, $"Column '{twice.Key}' is given twice."));
        if (errors.Count > before) return;

        foreach (var (line, fields) in records.Where(r => r.Line > first.Line))
        {
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            var tooWide = fields.Count > header.Length && fields.Skip(header.Length).Any(f => !string.IsNullOrWhiteSpace(f));
            if (tooWide || (exactWidth && fields.Count != header.Length))
            {
                errors.Add(new ImportError(line, "row", $"Expected {header.Length} fields as in the header, found {fields.Count}."));
                continue;
            }
            row(line, col =>
            {
                var i = Array.IndexOf(header, col);
                return i < 0 || i >= fields.Count || string.IsNullOrWhiteSpace(fields[i]) ? null : fields[i].Trim();
            });
        }
    }
}
