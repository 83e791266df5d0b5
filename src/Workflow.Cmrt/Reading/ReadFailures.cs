using System.Xml;

namespace Workflow.Cmrt.Reading;

/// <summary>
/// What to tell a person when reading a workbook failed, whatever layer failed: the reader's own limits, the XML
/// parser (a DTD, a "billion laughs"), the zip layer or ExcelDataReader. Shared by the CMRT reader and the reference
/// list importer so that both refuse hostile files with the same words.
/// </summary>
internal static class ReadFailures
{
    /// <summary>The message for <paramref name="e"/>; null for failures no input may be blamed for (out of memory).</summary>
    public static string? Describe(Exception e) => e switch
    {
        UnreadableWorkbookException => e.Message,
        XmlException when e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) =>
            "The workbook contains an XML document type definition (DTD), which Excel never writes; it was rejected as unsafe.",
        XmlException => "The workbook contains malformed XML; it may be damaged.",
        InvalidDataException => "The workbook's zip structure is corrupt.",
        OutOfMemoryException => null,
        // ExcelDataReader and the zip layer throw many exception types for damaged files; none may crash a batch.
        _ => $"The workbook is damaged and could not be read ({e.GetType().Name}).",
    };
}
