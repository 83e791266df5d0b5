namespace Workflow.Rules.Facts;

/// <summary>
/// What has happened in a supplier's case so far, as dates. The workflow builds it from its own records; the Step 3
/// timing rules compare it with the as-of date.
/// </summary>
public sealed record CaseTimeline
{
    public required string CaseId { get; init; }
    public DateOnly? FirstRequestSentOn { get; init; }
    public DateOnly? SecondRequestSentOn { get; init; }
    /// <summary>When the supplier last sent a CMRT (any, valid or not).</summary>
    public DateOnly? RespondedOn { get; init; }
    public DateOnly? CorrectionRequestedOn { get; init; }
    public DateOnly? CorrectedOn { get; init; }
    public DateOnly? EscalatedOn { get; init; }
    public DateOnly? ResolvedOn { get; init; }

    public bool AwaitingResponseToSecondRequest =>
        SecondRequestSentOn is { } sent && (RespondedOn is null || RespondedOn < sent);

    public bool AwaitingCorrection =>
        CorrectionRequestedOn is { } asked && (CorrectedOn is null || CorrectedOn < asked);

    public bool EscalationUnresolved => EscalatedOn is { } e && (ResolvedOn is null || ResolvedOn < e);
}
