namespace Workflow.StateMachines;

/// <summary>
/// What the workflow's guards may look at besides the stage. Kept to plain values so that guards stay free of
/// side effects and the machine can be rebuilt from a database row at any time.
/// </summary>
/// <param name="EscalatedFromProductLevel">The case reached management from the product-level request (the product-level
/// CMRT still named a smelter of concern, or never came).</param>
public sealed record CaseFacts(bool LastSubmissionInvalid, bool EscalatedFromProductLevel = false)
{
    public static CaseFacts None { get; } = new(false);
    public static CaseFacts InvalidSubmission { get; } = new(true);
}
