namespace Workflow.Infrastructure.Users;

/// <summary>A refused user change (duplicate e-mail, unknown role, weak password), with a message for the operator.</summary>
public sealed class UserAdministrationException(string message) : Exception(message);
