using Microsoft.Extensions.Logging;
using MimeKit;
using Npgsql;
using Workflow.Application.Bounces;
using Workflow.Application.Records;

namespace Workflow.Infrastructure.Email.Inbound;

/// <summary>
/// A delivery status notification read from the intake mailbox: the case is found from the returned message (our
/// X-Workflow-Case header, else its Message-ID or the report's In-Reply-To/References naming an outbox row), the report
/// is kept on the case, and each supplier address that failed for good is marked. Delayed reports are kept, nothing more.
/// </summary>
public sealed class BounceIntake(NpgsqlDataSource db, MessageRecordStore records, ContactBounces bounces, ILogger<BounceIntake> logger)
{
    /// <summary>What became of one report: the case it was kept on, or why a person must look at it.</summary>
    public sealed record Outcome(Guid? CaseId, string? Problem, string Remembered);

    public async Task<Outcome> HandleAsync(MimeMessage message, byte[] raw, string messageId, DeliveryReport report, CancellationToken ct)
    {
        var target = await CaseOfAsync(message, report, ct);
        if (target is null) return new Outcome(null, "delivery status notification for a message of no known case", "");
        var (caseId, supplierId, addresses) = target.Value;
        await records.KeepInboundAsync(caseId, RecordedMessage.Of(message, raw, messageId), ct, MessageDirections.DeliveryReportKind);

        var failed = report.Failed.ToList();
        if (failed.Count == 0)
        {
            logger.LogInformation("Delivery report {MessageId} for case {CaseId}: nothing failed for good ({Actions}); kept",
                messageId, caseId, string.Join(", ", report.Recipients.Select(r => r.Action)));
            return new Outcome(caseId, null, "delivery report");
        }
        // Final-Recipient is what the last server tried; Original-Recipient is what we sent to, when a forward changed it.
        var ours = failed
            .Select(f => f with { Email = addresses.FirstOrDefault(a => Same(a, f.Email) || Same(a, f.OriginalRecipient)) ?? "" })
            .Where(f => f.Email.Length > 0)
            .DistinctBy(f => f.Email.ToLowerInvariant())
            .ToList();
        if (ours.Count == 0)
            return new Outcome(caseId, $"delivery to {string.Join(", ", failed.Select(f => f.Email))} failed, which is not an address of the case's supplier", "");
        await bounces.RecordAsync(supplierId, caseId, messageId, report.ArrivedAt, ours, ct);
        logger.LogWarning("Delivery report {MessageId}: mail to {Addresses} of case {CaseId} failed for good", messageId,
            string.Join(", ", ours.Select(o => o.Email)), caseId);
        return new Outcome(caseId, null, "bounce");
    }

    private static bool Same(string a, string? b) => b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private async Task<(Guid CaseId, Guid SupplierId, IReadOnlyList<string> Addresses)?> CaseOfAsync(MimeMessage message, DeliveryReport report,
        CancellationToken ct)
    {
        var reference = report.Original?["X-Workflow-Case"]?.Trim();
        var outboxIds = new[] { report.Original?[HeaderId.MessageId], message.InReplyTo }
            .Concat(message.References)
            .Select(DeliveryReport.OutboxIdOf).OfType<long>().Distinct().ToArray();
        if (string.IsNullOrEmpty(reference) && outboxIds.Length == 0) return null;
        await using var cmd = db.CreateCommand("""
            select c.id, s.id, s.email, s.contact_emails
              from workflow.cases c join workflow.suppliers s on s.id = c.supplier_id
             where c.reference = upper(@ref) or c.id in (select case_id from workflow.outbox where id = any(@outbox))
             order by c.reference = upper(@ref) desc
             limit 1
            """);
        cmd.Parameters.AddWithValue("ref", reference ?? "");
        cmd.Parameters.AddWithValue("outbox", outboxIds);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return (r.GetGuid(0), r.GetGuid(1), [r.GetString(2), .. r.GetFieldValue<string[]>(3)]);
    }
}
