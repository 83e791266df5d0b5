using Workflow.Cmrt.Reference;
using Workflow.Rules.Assessment;
using Workflow.Rules.Policies;

namespace Workflow.Cli.Cmrt;

/// <summary>
/// The assessor behind <c>cmrt check</c> and <c>cmrt bench</c>: the NRules policy the service applies, either the
/// built-in <c>default</c> (embedded in Workflow.Rules, so it works from any folder) or the file given with --policy.
/// The rules are compiled once per command and shared by every file.
/// </summary>
internal static class CmrtPolicy
{
    /// <summary>Null after reporting on <paramref name="stderr"/> why the policy file cannot be used.</summary>
    public static PolicyAssessor? TryLoad(string? policyPath, SmelterReferenceList reference, TextWriter stderr)
    {
        try
        {
            return PolicyAssessorFactory.FromFile(PolicyRuleSet.Compile(), policyPath, reference);
        }
        catch (PolicyValidationException e)
        {
            stderr.WriteLine($"invalid policy {policyPath}:");
            foreach (var problem in e.Errors) stderr.WriteLine($"  {problem}");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"policy {policyPath} could not be read: {e.Message}");
            return null;
        }
    }
}
