namespace Workflow.Rules.Policies;

/// <summary>
/// Reference lists and policies spell status words differently ("Cross Recognized", "cross-recognized",
/// "CONFORMANT"); both sides are compared in this one form.
/// </summary>
public static class AuditStatusWords
{
    public static string Normalise(string status) =>
        status.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
}
