namespace Workflow.Application.Reevaluation;

/// <summary>What a changed evaluation does to its case, as the simulation and the run report it.</summary>
public static class ReevaluationEffects
{
    public const string Moves = "moves";
    /// <summary>The machine sees the same outcome (findings or determination changed, or unreadable ↔ invalid).</summary>
    public const string Stays = "stays";
    public const string Terminated = "not moved: the case is terminated";
}
