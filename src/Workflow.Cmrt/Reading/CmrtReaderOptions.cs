using Workflow.Cmrt.Reference;

namespace Workflow.Cmrt.Reading;

/// <summary>
/// Limits that keep a hostile or broken upload from costing more than a bounded amount of time and memory,
/// and the reference data used to resolve smelter identifiers.
/// </summary>
public sealed record CmrtReaderOptions
{
    public static CmrtReaderOptions Default { get; } = new();

    /// <summary>Reference list for V2 IDs, names without ID and missing cached values; the workbook's own look-up sheet is used first.</summary>
    public SmelterReferenceList ReferenceList { get; init; } = SmelterReferenceList.Empty;

    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;
    public int MaxZipEntries { get; init; } = 5_000;
    /// <summary>Bytes actually decompressed over all parts read (declared sizes are not trusted).</summary>
    public long MaxUncompressedBytes { get; init; } = 300L * 1024 * 1024;
    /// <summary>Largest uncompressed/compressed ratio accepted for a part larger than 1 MB.</summary>
    public int MaxCompressionRatio { get; init; } = 200;
    /// <summary>Largest decompressed worksheet part; sheets are scanned from memory.</summary>
    public int MaxSheetBytes { get; init; } = 64 * 1024 * 1024;
    public int MaxRowsPerSheet { get; init; } = 100_000;
    public int MaxCellsPerSheet { get; init; } = 2_000_000;
    public int MaxSharedStrings { get; init; } = 1_000_000;
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>Excel's default open password, used by workbooks that are "protected" without a real password.</summary>
    public string DefaultPassword { get; init; } = "VelvetSweatshop";
}
