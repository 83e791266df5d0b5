namespace Workflow.Application.Records;

/// <summary>Stored in <c>workflow.message_records.direction</c>: do not rename.</summary>
public static class MessageDirections
{
    /// <summary>Sent by the outbox dispatcher; the kind is the outbox kind.</summary>
    public const string Outbound = "outbound";
    /// <summary>Read from the intake mailbox and matched to a case.</summary>
    public const string Inbound = "inbound";
    /// <summary>The kind of every inbound mail from a person: the service cannot tell a supplier's intentions, only that they wrote.</summary>
    public const string ReplyKind = "reply";
    /// <summary>An inbound delivery status notification (a bounce or a delay), which is the relay's, not the supplier's.</summary>
    public const string DeliveryReportKind = "delivery-report";
}
