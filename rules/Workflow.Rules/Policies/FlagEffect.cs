namespace Workflow.Rules.Policies;

/// <summary>What a raised red flag does: escalate (a red-flag finding), warn (a warning) or nothing.</summary>
public enum FlagEffect
{
    Ignore,
    Warn,
    Escalate,
}
