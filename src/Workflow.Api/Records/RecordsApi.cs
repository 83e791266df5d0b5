using Workflow.Api.Security;
using Workflow.Application.Cases;
using Workflow.Application.Records;

namespace Workflow.Api.Records;

/// <summary>
/// The messages of a case as sent and received. Staff only, any role (the same as reading the case): a supplier's
/// signed link opens its upload page and nothing under /api.
/// </summary>
public static class RecordsApi
{
    public const string RawContentType = "message/rfc822";

    public static void MapRecords(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cases/{id:guid}/messages", async (Guid id, MessageRecordQuery records, CancellationToken ct) =>
                (await records.ForCaseAsync(id, ct) ?? throw new NotFoundException("Case", id)).Select(MessageView.Of))
            .RequireAuthorization(AccessPolicies.Read).WithTags("Cases");

        // Always an attachment: a received message is a supplier's content, and must not open in a staff member's browser.
        app.MapGet("/api/messages/{id:long}/raw", async (long id, MessageRecordQuery records, CancellationToken ct) =>
            {
                var message = await records.RawAsync(id, ct) ?? throw new NotFoundException("Message", id);
                return message.Content.Length == 0
                    ? Results.Problem(statusCode: 410, title: "Removed after the retention period",
                        detail: "The message body was removed when the campaign's retention period ended; its headers, hash and size are kept.")
                    : Results.File(message.Content, RawContentType, $"message-{message.Id}.eml");
            })
            .RequireAuthorization(AccessPolicies.Read).WithTags("Cases");
    }
}

/// <summary>One message in <c>GET /api/cases/{id}/messages</c>; <c>raw</c> is where its bytes are.</summary>
public sealed record MessageView(long Id, string Kind, string Direction, DateTimeOffset? SentAt, DateTimeOffset RecordedAt, string Subject,
    string? From, IReadOnlyList<string> To, string MessageId, int SizeBytes, string Sha256, string Raw)
{
    public static MessageView Of(MessageRecordSummary m) => new(m.Id, m.Kind, m.Direction, m.SentAt, m.RecordedAt, m.Subject, m.From, m.To,
        m.MessageId, m.SizeBytes, m.Sha256, $"/api/messages/{m.Id}/raw");
}
