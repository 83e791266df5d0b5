using Workflow.Cmrt.Reference;

namespace Workflow.Cli.Cmrt;

/// <summary>
/// Which smelter reference list the CLI uses: --reference PATH, else $WORKFLOW_REFERENCE_LIST, else a
/// shared/data/reference directory beside the repository (found by walking up from the working directory and from
/// the executable), else none. Each workbook's own look-up sheet is always consulted first by the reader.
/// </summary>
public static class ReferenceListLocator
{
    public const string EnvironmentVariable = "WORKFLOW_REFERENCE_LIST";

    public static SmelterReferenceList Resolve(string? explicitPath)
    {
        var path = explicitPath ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(path)) return GenericReferenceImporter.Load(path);
        var shared = FindSharedReferenceDirectory(Directory.GetCurrentDirectory()) ?? FindSharedReferenceDirectory(AppContext.BaseDirectory);
        return shared is null ? SmelterReferenceList.Empty : ReferenceListLoaders.Directory(shared);
    }

    public static string? FindSharedReferenceDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "reference");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
