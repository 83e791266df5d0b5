namespace Workflow.Application.Records;

/// <summary>One stored message as the case page and <c>GET /api/cases/{id}/messages</c> list it.</summary>
/// <param name="SentAt">Outbound: when the relay accepted it. Inbound: the sender's Date header (null without one).</param>
/// <param name="RecordedAt">When the service stored it (for inbound mail: when the intake read it).</param>
public sealed record MessageRecordSummary(long Id, string Kind, string Direction, DateTimeOffset? SentAt, DateTimeOffset RecordedAt, string Subject,
    string? From, IReadOnlyList<string> To, string MessageId, int SizeBytes, string Sha256);

/// <summary>The stored bytes of one message, for <c>GET /api/messages/{id}/raw</c>.</summary>
public sealed record RawMessage(long Id, Guid? CaseId, string MessageId, byte[] Content);
