using Workflow.Cmrt.Reading.Workbook;

namespace Workflow.Cmrt.Reading;

/// <summary>Opens any supported physical form as an <see cref="IWorkbook"/> for loaders other than the CMRT reader.</summary>
internal static class WorkbookOpener
{
    public static IWorkbook Open(Stream stream, CmrtReaderOptions options)
    {
        var budget = new ReadBudget(options);
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        return PhysicalFormSniffer.Sniff(buffer.GetBuffer().AsSpan(0, (int)Math.Min(8, buffer.Length))) switch
        {
            PhysicalForm.Zip => new OoxmlWorkbook(buffer, budget),
            PhysicalForm.Ole2 => new Ole2Workbook(buffer, budget, _ => MaxColumns),
            _ => throw new UnreadableWorkbookException("The file is not an Excel workbook."),
        };
    }

    /// <summary>Reference files are small and their sheet names vary, so every sheet is kept up to this column.</summary>
    private const int MaxColumns = 30;
}
