namespace Workflow.Cmrt.Reading;

/// <summary>What the first bytes say a file is; extensions are never trusted.</summary>
internal enum PhysicalForm
{
    Unknown,
    /// <summary>"PK\x03\x04": a zip, i.e. a plain .xlsx when it holds xl/workbook.xml.</summary>
    Zip,
    /// <summary>D0 CF 11 E0 A1 B1 1A E1: OLE2 compound file (BIFF8 .xls or an encrypted .xlsx).</summary>
    Ole2,
}
