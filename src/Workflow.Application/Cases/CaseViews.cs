namespace Workflow.Application.Cases;

public sealed record CaseListItem(Guid Id, string Reference, string SupplierName, string SupplierEmail, string State, string Stage,
    DateTimeOffset UpdatedAt, DateTimeOffset? DueAt, string? LastOutcome);

public sealed record AuditEntryView(long Id, DateTimeOffset At, string? FromState, string ToState, string? FromStage, string ToStage,
    string Trigger, string Actor, string Reason, string? Rule, string? PolicyVersion, int CaseVersion);

public sealed record SubmissionSummary(Guid Id, DateTimeOffset ReceivedAt, string Channel, string SubmittedBy, string FileName,
    int SizeBytes, string Sha256, string Outcome, string? Template, string? TemplateVersion);

public sealed record CaseDetail(Guid Id, string Reference, Guid CampaignId, string CampaignName, Guid SupplierId, string SupplierName,
    string SupplierEmail, string? SupplierCountry, string State, string Stage, int Version, DateTimeOffset? DueAt,
    DateTimeOffset? EscalatedAt, string? EscalationReason, string? LastOutcome, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<AuditEntryView> History, IReadOnlyList<SubmissionSummary> Submissions)
{
    /// <summary>The language the supplier is written to in (e-mails, the upload page), e.g. "en" or "de".</summary>
    public string SupplierLanguage { get; init; } = "en";

    /// <summary>What a person should look at on this case (e.g. a supplier past the upload limit).</summary>
    public IReadOnlyList<CaseNote> Notes { get; init; } = [];
}

public sealed record EscalationItem(Guid CaseId, string Reference, Guid CampaignId, string CampaignName, string SupplierName,
    string SupplierEmail, string Stage, string? Reason, DateTimeOffset EscalatedAt, double AgeDays, DateTimeOffset? DueAt);
