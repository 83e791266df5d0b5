namespace Workflow.Tests.Shared;

/// <summary>
/// The third-party files some tests read: real CMRT workbooks, RMI templates and smelter lists. They are not ours to
/// redistribute, so they live outside the repository: <c>$WORKFLOW_SHARED_DATA</c> when set, else the first
/// <c>shared/data</c> folder above the test assembly (<c>../shared/data</c> beside a checkout). A clone without them
/// still runs every other test; the tests that need them are reported as skipped, with the reason.
/// </summary>
public static class RealFiles
{
    public const string Variable = "WORKFLOW_SHARED_DATA";

    /// <summary>The folder holding cmrt/ and reference/, or null when there is none.</summary>
    public static string? DataFolder { get; } = Find();

    public static bool Available => DataFolder is not null;

    public static string SkipReason { get; } =
        $"needs the third-party CMRT workbooks and smelter lists in ../shared/data beside the repository (or ${Variable}), which this checkout does not have";

    /// <summary>The data folder, for code that runs only when <see cref="Available"/>.</summary>
    public static string Required => DataFolder ?? throw new InvalidOperationException("Real-file test without real files: " + SkipReason);

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured)) return Directory.Exists(Path.Combine(configured, "cmrt")) ? Path.GetFullPath(configured) : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "cmrt"))) return candidate;
        }
        return null;
    }
}

/// <summary>A test that reads third-party files: skipped, with the reason, where they are not available.</summary>
public sealed class RealFilesFactAttribute : FactAttribute
{
    public RealFilesFactAttribute()
    {
        if (!RealFiles.Available) Skip = RealFiles.SkipReason;
    }
}

/// <summary>A theory that reads third-party files: skipped, with the reason, where they are not available.</summary>
public sealed class RealFilesTheoryAttribute : TheoryAttribute
{
    public RealFilesTheoryAttribute()
    {
        if (!RealFiles.Available) Skip = RealFiles.SkipReason;
    }
}
