namespace Workflow.Application.SupplierLinks;

/// <summary>The verdict on a presented token; <see cref="CaseId"/> is known only when the signature holds.</summary>
public sealed record LinkCheck(LinkStatus Status, Guid? CaseId = null, DateTimeOffset? ExpiresAt = null);
