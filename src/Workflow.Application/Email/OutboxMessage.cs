using System.Text.Json;

namespace Workflow.Application.Email;

/// <summary>A claimed outbox row with what its template needs about the case (null for the digest).</summary>
public sealed record OutboxMessage(long Id, Guid? CaseId, string Kind, string Occurrence, JsonElement Data, int Attempts, CaseContext? Case);
