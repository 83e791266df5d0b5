using System.Reflection;

namespace Workflow.Application.FollowUp;

/// <summary>
/// Finds files of the repository's workflows/ folder (follow-up definition, message templates): first from the
/// current folder upwards, then from the application folder upwards, else the copy embedded in this assembly, so a
/// checkout can be edited live and a published service still runs.
/// </summary>
public static class WorkflowFiles
{
    public static string? FindFolder()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "workflows");
                if (File.Exists(Path.Combine(candidate, "follow-up.json"))) return candidate;
            }
        return null;
    }

    /// <summary>Reads workflows/<paramref name="relativePath"/> from disk or the embedded copy; null when neither has it.</summary>
    public static (string Text, string Source)? Read(string relativePath, string? folder)
    {
        if (folder is not null)
        {
            var path = Path.Combine(folder, relativePath);
            if (File.Exists(path)) return (File.ReadAllText(path), path);
        }
        var resource = "workflows/" + relativePath.Replace('\\', '/');
        using var stream = typeof(WorkflowFiles).Assembly.GetManifestResourceStream(resource);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return (reader.ReadToEnd(), "embedded " + resource);
    }

    public static IEnumerable<string> EmbeddedNames(string prefix) =>
        typeof(WorkflowFiles).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("workflows/" + prefix, StringComparison.Ordinal))
            .Select(n => n["workflows/".Length..]);
}
