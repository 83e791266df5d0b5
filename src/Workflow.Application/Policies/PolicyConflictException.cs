namespace Workflow.Application.Policies;

/// <summary>An activated version asked to change (same name, other content), or an activation whose parent is not active.</summary>
public sealed class PolicyConflictException(string message) : InvalidOperationException(message);
