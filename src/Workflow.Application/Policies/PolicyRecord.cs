namespace Workflow.Application.Policies;

/// <summary>A stored policy version: its text as given, its status and who made it what it is.</summary>
public sealed record PolicyRecord(
    string Version,
    string Status,
    string Format,
    string Text,
    string? Extends,
    string Sha256,
    string Source,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string? ActivatedBy,
    DateTimeOffset? ActivatedAt,
    string? Reason)
{
    public const string Draft = "draft";
    public const string Active = "active";
    public bool IsActive => Status == Active;
}

/// <summary>One line of a version's history: saved as a draft, activated, imported, deleted.</summary>
public sealed record PolicyAuditEntry(DateTimeOffset At, string Actor, string Action, string Reason, string Sha256);
