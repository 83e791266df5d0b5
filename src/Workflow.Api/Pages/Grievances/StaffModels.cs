using Workflow.Application.Grievances;
using Workflow.Domain.Grievances;

namespace Workflow.Api.Pages.Grievances;

/// <summary>The triage queue: the concerns of one state (or all), open ones first, oldest due first.</summary>
public sealed record ConcernQueueModel(IReadOnlyList<ConcernSummary> Rows, ConcernState? State, DateTimeOffset Now);

/// <summary>What an investigator typed into one of the concern page's forms, kept when the page comes back with errors.</summary>
public sealed record ConcernPageForms
{
    public string? To { get; init; }
    public string? Reason { get; init; }
    public string? Reply { get; init; }
    public string? Cid { get; init; }
    public string? Supplier { get; init; }
    public string? Case { get; init; }
    public bool Substantiated { get; init; }
    public string? LinkReason { get; init; }
    public Dictionary<string, string[]> Errors { get; init; } = [];

    public IReadOnlyList<string> ErrorsOf(string field) => Errors.TryGetValue(field, out var e) ? e : [];
}

/// <summary>
/// One concern for an investigator or a compliance owner: <paramref name="SeesReporter"/> only for a compliance owner.
/// <paramref name="Draft"/> is the draft policy version a substantiated smelter link just prepared.
/// </summary>
public sealed record ConcernPageModel(ConcernDetail Detail, bool SeesReporter, DateTimeOffset Now, Layout.Notice? Notice, string? Draft,
    ConcernPageForms Forms);
