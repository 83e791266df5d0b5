namespace Workflow.Application.Grievances;

/// <summary>
/// The quarterly report of the grievance mechanism for the officers and the Audit Committee: what came in during the
/// quarter, how fast we answered, what was closed and substantiated, what lay untouched. It never carries a reporter's
/// identity nor a concern's description: only references, channels, subject kinds, states, dates and our outcomes.
/// </summary>
public sealed record QuarterlyReport
{
    /// <summary>"2027-Q1".</summary>
    public required string Quarter { get; init; }
    public required DateTimeOffset From { get; init; }
    /// <summary>Exclusive: the first instant of the next quarter.</summary>
    public required DateTimeOffset To { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    /// <summary>Concerns received in the quarter.</summary>
    public required int Received { get; init; }
    /// <summary>Every channel, with zero where none came in.</summary>
    public required IReadOnlyDictionary<string, int> ByChannel { get; init; }
    /// <summary>By <see cref="ConcernSubjects.Of"/>: smelter, supplier, country, metal, other.</summary>
    public required IReadOnlyDictionary<string, int> BySubject { get; init; }
    /// <summary>The quarter's concerns by the state they are in now.</summary>
    public required IReadOnlyDictionary<string, int> ByStateNow { get; init; }
    public required QuarterlyFirstResponse FirstResponse { get; init; }
    /// <summary>Concerns closed in the quarter (whenever they were received).</summary>
    public required QuarterlyOutcomes Outcomes { get; init; }
    /// <summary>Substantiated links recorded in the quarter.</summary>
    public required QuarterlySubstantiated Substantiated { get; init; }
    /// <summary>The untouched-concern timer's escalations in the quarter.</summary>
    public required QuarterlyEscalations EscalatedUntouched { get; init; }
    /// <summary>The quarter's concerns, oldest first.</summary>
    public required IReadOnlyList<QuarterlyConcernRow> Concerns { get; init; }
}

/// <summary>Days from receipt to the first action of one of ours (a move, a reply or a link), of the quarter's concerns.</summary>
/// <param name="Responded">Concerns that had a first response by the time the report was made.</param>
/// <param name="MedianDays">Null when none had one.</param>
/// <param name="WithoutResponse">Concerns still without any response.</param>
public sealed record QuarterlyFirstResponse(int Responded, double? MedianDays, double? LongestDays, int WithoutResponse);

public sealed record QuarterlyOutcomes(int Closed, int Resolved, int Dismissed, IReadOnlyList<QuarterlyOutcome> List);

/// <summary>A concern closed in the quarter and the reason recorded when it was closed.</summary>
public sealed record QuarterlyOutcome(string Reference, string State, DateTimeOffset ClosedAt, string? Reason);

/// <param name="Smelters">Distinct smelters (CIDs) a concern was substantiated against.</param>
public sealed record QuarterlySubstantiated(int Smelters, int Suppliers, int Cases, IReadOnlyList<QuarterlySubstantiatedLink> Links);

/// <param name="Kind">smelter, supplier or case.</param>
/// <param name="Target">The CID, the supplier's name or the case reference.</param>
public sealed record QuarterlySubstantiatedLink(string Concern, string Kind, string Target, DateTimeOffset At);

/// <param name="Escalations">Timer escalations in the quarter.</param>
/// <param name="Concerns">Distinct concerns escalated.</param>
public sealed record QuarterlyEscalations(int Escalations, int Concerns, IReadOnlyList<string> References);

/// <summary>One concern of the quarter as the report lists it (page, JSON and CSV alike).</summary>
/// <param name="Subject">Its kind (<see cref="ConcernSubjects.Of"/>), not the names the reporter gave.</param>
/// <param name="Outcome">The reason recorded when it was resolved or dismissed; null while open.</param>
public sealed record QuarterlyConcernRow(Guid Id, string Reference, DateTimeOffset ReceivedAt, string Channel, string Subject, string State,
    DateTimeOffset? FirstResponseAt, DateTimeOffset? ClosedAt, string? Outcome);
