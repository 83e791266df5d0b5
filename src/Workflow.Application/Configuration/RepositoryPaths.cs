namespace Workflow.Application.Configuration;

/// <summary>
/// Relative paths in settings are taken from the repository root when the process runs from a checkout (so the
/// service and the CLI find the same data and policy folders wherever they start), else from the current folder.
/// </summary>
public static class RepositoryPaths
{
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        return Root is { } root ? Path.Combine(root, path) : Path.GetFullPath(path);
    }

    /// <summary>The checkout holding Workflow.sln, found from the current folder upwards, then from the application folder.</summary>
    public static string? Root
    {
        get
        {
            foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                    if (File.Exists(Path.Combine(dir.FullName, "Workflow.sln"))) return dir.FullName;
            return null;
        }
    }
}
