namespace Workflow.StateMachines;

/// <summary>
/// What the workflow's guards may look at besides the stage. Kept to plain values so that guards stay free of
/// side effects and the machine can be rebuilt from a database row at any time.
/// </summary>
public sealed record CaseFacts(bool LastSubmissionInvalid)
{
    public static CaseFacts None { get; } = new(false);
    public static CaseFacts InvalidSubmission { get; } = new(true);
}
