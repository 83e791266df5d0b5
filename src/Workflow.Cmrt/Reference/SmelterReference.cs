using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Reference;

/// <summary>
/// One facility on an RMI reference list. <paramref name="AuditStatus"/> is the list's own word (Conformant, Active,
/// Compliant, Progressing, …) or null when the list carries no status.
/// </summary>
public sealed record SmelterReference(
    string Cid,
    Metal Metal,
    string StandardName,
    string Country,
    string? StateProvince = null,
    string? V2Id = null,
    IReadOnlyList<string>? Aliases = null,
    string? AuditStatus = null);
