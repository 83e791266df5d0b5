using System.Text.Json;

namespace Workflow.Infrastructure.Email;

/// <summary>A claimed outbox row with what its template needs about the case (null for the digest).</summary>
public sealed record OutboxMessage(long Id, Guid? CaseId, string Kind, string Occurrence, JsonElement Data, int Attempts, CaseContext? Case);

public sealed record CaseContext(Guid CaseId, string Reference, string Stage, string SupplierName, string SupplierEmail, string? ContactName,
    string Language, string CampaignName, DateOnly ResponseDueDate, DateTimeOffset? EscalatedAt, string? EscalationReason);
