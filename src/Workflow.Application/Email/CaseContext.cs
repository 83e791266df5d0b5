namespace Workflow.Application.Email;

/// <summary>What templates need to know about the case a message belongs to.</summary>
public sealed record CaseContext(Guid CaseId, string Reference, string Stage, string SupplierName, string SupplierEmail, string? ContactName,
    string Language, string CampaignName, DateOnly ResponseDueDate, DateTimeOffset? EscalatedAt, string? EscalationReason)
{
    /// <summary>The supplier's other contacts: Cc on every message to it, except those with an open bounce.</summary>
    public IReadOnlyList<string> OtherContacts { get; init; } = [];
    /// <summary>The date management extended the case to, if it did: supplier links then work until it plus the grace days.</summary>
    public DateTimeOffset? ExtendedTo { get; init; }
}
