using Workflow.Cmrt.Evaluation;

namespace Workflow.Cli.Cmrt;

/// <summary>
/// Where the policy engine plugs into <c>cmrt check</c>: set <see cref="Factory"/> to a function that builds an
/// <see cref="IDeclarationAssessor"/> from the <c>--policy</c> path (null when no policy was given). While it is
/// null the command uses <see cref="BasicAssessor"/> and rejects <c>--policy</c> with exit code 2.
/// </summary>
public static class CmrtAssessorHook
{
    public static Func<string?, IDeclarationAssessor>? Factory { get; set; }
}
