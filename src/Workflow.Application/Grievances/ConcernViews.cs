using Workflow.Domain.Grievances;

namespace Workflow.Application.Grievances;

/// <summary>A row of the triage queue.</summary>
public sealed record ConcernSummary(Guid Id, string Reference, string State, string Channel, string Subject, string SubjectKind,
    DateTimeOffset ReceivedAt, DateTimeOffset TouchedAt, DateTimeOffset? DueAt, bool Overdue, bool Named, int Links, int Messages);

/// <summary>The reporter, shown to compliance owners only.</summary>
public sealed record ConcernReporter(string? Name, string? Email, string? Phone);

public sealed record ConcernMessageView(Guid Id, DateTimeOffset At, string Direction, string Author, string Body, IReadOnlyList<ConcernFileView> Files);

public sealed record ConcernFileView(Guid Id, string FileName, string ContentType, int SizeBytes, string Sha256, DateTimeOffset ReceivedAt);

public sealed record ConcernLinkView(long Id, string Kind, string? Cid, Guid? SupplierId, string? SupplierName, Guid? CaseId, string? CaseReference,
    bool Substantiated, string? DraftVersion, DateTimeOffset At, string Actor);

public sealed record ConcernAuditView(long Id, DateTimeOffset At, string Actor, string Action, string? From, string? To, string? Reason, string DefinitionVersion);

/// <summary>One concern for an investigator or a compliance owner.</summary>
public sealed record ConcernDetail(Guid Id, string Reference, string State, string Channel, string Description, string? Smelter, string? Supplier,
    string? Country, string? Metal, string? Occurred, string Language, DateTimeOffset ReceivedAt, DateTimeOffset? FirstResponseAt,
    DateTimeOffset TouchedAt, DateTimeOffset? DueAt, DateTimeOffset? ClosedAt, string? OutcomeReason, int Version, bool Named,
    ConcernReporter? Reporter, IReadOnlyList<string> Next, IReadOnlyList<ConcernFileView> Files, IReadOnlyList<ConcernMessageView> Messages,
    IReadOnlyList<ConcernLinkView> Links, IReadOnlyList<ConcernAuditView> Audit)
{
    public ConcernState StateValue => ConcernStates.FromWire(State);
}

/// <summary>What the reporter sees through the secret link: their own words, the state, the replies. No names of ours.</summary>
public sealed record ReporterView(string Reference, string State, DateTimeOffset ReceivedAt, string Description, string Language,
    IReadOnlyList<ReporterMessage> Messages);

public sealed record ReporterMessage(DateTimeOffset At, bool FromUs, string Body, IReadOnlyList<string> FileNames);
