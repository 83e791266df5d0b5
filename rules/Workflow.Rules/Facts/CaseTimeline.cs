namespace Workflow.Rules.Facts;

/// <summary>
/// What has happened in a supplier's case so far, and the deadlines the follow-up clock set for it. The durations live
/// in one place, the follow-up definition (workflows/follow-up.json), and a manager's extension moves a deadline; the
/// Step 3 timing rules decide what a passed deadline means for the case, so the audit trail names the rule and the
/// policy version for a timed escalation just as for a red flag.
/// </summary>
public sealed record CaseTimeline
{
    public required string CaseId { get; init; }
    public DateTimeOffset? SecondRequestSentAt { get; init; }
    /// <summary>When the supplier last sent a CMRT (any, valid or not).</summary>
    public DateTimeOffset? RespondedAt { get; init; }
    public DateTimeOffset? CorrectionRequestedAt { get; init; }
    public DateTimeOffset? CorrectedAt { get; init; }
    public DateTimeOffset? EscalatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Until when the supplier may answer the second request.</summary>
    public DateTimeOffset? SecondRequestDueAt { get; init; }
    /// <summary>When the correction window closes.</summary>
    public DateTimeOffset? CorrectionDueAt { get; init; }
    /// <summary>How long management may leave the escalation open before termination is recommended.</summary>
    public DateTimeOffset? EscalationDueAt { get; init; }

    public bool AwaitingResponseToSecondRequest =>
        SecondRequestSentAt is { } sent && (RespondedAt is null || RespondedAt < sent);

    public bool AwaitingCorrection =>
        CorrectionRequestedAt is { } asked && (CorrectedAt is null || CorrectedAt < asked);

    public bool EscalationUnresolved => EscalatedAt is { } e && (ResolvedAt is null || ResolvedAt < e);
}
