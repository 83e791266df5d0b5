using System.Diagnostics;

namespace Workflow.Cmrt.Reading;

/// <summary>Shared by every loop of one read so that a slow or endless input stops at the time limit.</summary>
internal sealed class ReadBudget(CmrtReaderOptions options)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _uncompressed;

    public CmrtReaderOptions Options { get; } = options;

    public void CheckTime()
    {
        if (_clock.Elapsed > Options.TimeBudget)
            throw new UnreadableWorkbookException(
                $"Reading the workbook took longer than {Options.TimeBudget.TotalSeconds:0} seconds; the file is too large or malformed.");
    }

    public void AddUncompressed(int bytes)
    {
        _uncompressed += bytes;
        if (_uncompressed > Options.MaxUncompressedBytes)
            throw new UnreadableWorkbookException(
                $"The workbook expands to more than {Options.MaxUncompressedBytes / (1024 * 1024)} MB when unzipped (possible zip bomb).");
    }
}
