namespace Workflow.Application.Policies;

public sealed class PolicyOptions
{
    public const string Section = "Policies";
    /// <summary>Folder of policy files (one per version); relative paths from the repository root or current folder.</summary>
    public string Folder { get; set; } = "rules/policy";
    /// <summary>Reload when a file in the folder changes.</summary>
    public bool Watch { get; set; } = true;
}
