namespace Workflow.Infrastructure.Users;

/// <summary>A person who signs in to the pages; the role is one of <see cref="Workflow.Domain.Security.Roles"/>.</summary>
public sealed record LocalUser(Guid Id, string Email, string Role, bool Disabled, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt)
{
    /// <summary>Derived from the stored password hash; the sign-in cookie carries it, so a new password ends old sessions.</summary>
    public string? PasswordStamp { get; init; }
}
