namespace Workflow.Application.Reports;

/// <summary>
/// One distinct smelter named in a campaign's valid responses, under its standard name when the reference list
/// knows it. <see cref="Status"/> is conformant | active | not-audited | unknown | not-listed.
/// </summary>
public sealed record IdentifiedSmelter(
    string Metal,
    string Name,
    string? Country,
    string? Cid,
    string Status,
    bool OnReferenceList,
    IReadOnlyList<string> NamedBy);
