namespace Workflow.Application.Policies;

public sealed class PolicyOptions
{
    public const string Section = "Policies";
    /// <summary>
    /// Folder of policy files (one per version), imported into the database at start and on reload: active at the first
    /// start, drafts afterwards. Relative paths from the repository root or current folder.
    /// </summary>
    public string Folder { get; set; } = "rules/policy";
}
