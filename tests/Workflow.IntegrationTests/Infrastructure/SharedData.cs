namespace Workflow.IntegrationTests.Infrastructure;

/// <summary>The real CMRT workbooks and smelter lists in ../shared/data beside the repository (never copied into it).</summary>
public static class SharedData
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var repository = Workflow.Infrastructure.Database.RepositoryPaths.Root
            ?? throw new InvalidOperationException("Workflow.sln not found above " + AppContext.BaseDirectory);
        var data = System.IO.Path.GetFullPath(System.IO.Path.Combine(repository, "..", "shared", "data"));
        return Directory.Exists(data)
            ? data
            : throw new InvalidOperationException($"{data} not found; the tests read the real CMRT samples from ../shared/data beside the repository.");
    }
}
