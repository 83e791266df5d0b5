namespace Workflow.Domain.Cases;

/// <summary>
/// Who or what asked for a transition and why; written verbatim into the audit entry.
/// <paramref name="Rule"/> and <paramref name="PolicyVersion"/> are set when a policy rule caused it.
/// </summary>
public sealed record TransitionCause(string Actor, string Reason, string? Rule = null, string? PolicyVersion = null);
