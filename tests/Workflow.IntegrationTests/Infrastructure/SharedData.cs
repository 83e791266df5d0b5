namespace Workflow.IntegrationTests.Infrastructure;

/// <summary>The real CMRT workbooks and smelter lists in ../shared/data beside the repository (never copied into it).</summary>
public static class SharedData
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Workflow.sln")) && Directory.Exists(System.IO.Path.Combine(dir.Parent?.FullName ?? "", "shared", "data")))
                return System.IO.Path.Combine(dir.Parent!.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("../shared/data not found beside the repository; the tests read the real CMRT samples from there.");
    }
}
