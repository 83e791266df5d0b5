namespace Workflow.Cmrt.Reading.Workbook;

/// <summary>A workbook opened for reading CMRT sheets by name; sheets are loaded on demand.</summary>
internal interface IWorkbook : IDisposable
{
    IReadOnlyList<string> SheetNames { get; }
    /// <summary>True when serial dates count from 1904 (Mac Excel); the ddm 3.01 samples use it.</summary>
    bool Date1904 { get; }
    /// <summary>Null when the workbook has no sheet of that name. Columns beyond <paramref name="maxColumn"/> and rows beyond <paramref name="maxRow"/> are skipped.</summary>
    SheetData? Sheet(string name, int maxColumn, int maxRow = int.MaxValue);
}
