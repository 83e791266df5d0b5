namespace Workflow.Rules.Policies;

/// <summary>One problem in a policy file: which file, which key (e.g. "concernList[2].cid"), and what was expected.</summary>
public sealed record PolicyError(string File, string KeyPath, string Message)
{
    public override string ToString() => KeyPath.Length == 0 ? $"{File}: {Message}" : $"{File}: {KeyPath}: {Message}";
}
