namespace Workflow.Rules.Policies;

/// <summary>
/// One policy file as written, validated but not yet resolved: a null member was not given and is inherited from
/// <see cref="Extends"/>. Maps (redFlags, escalation) hold only the entries the file gives.
/// </summary>
public sealed record PolicyDocument
{
    public required string File { get; init; }
    public required string Version { get; init; }
    public string? Extends { get; init; }
    public string? Description { get; init; }
    public IReadOnlySet<string>? CoveredCountries { get; init; }
    public IReadOnlySet<string>? CahraCountries { get; init; }
    public IReadOnlySet<string>? AcceptableAuditStatuses { get; init; }
    public IReadOnlyList<ConcernEntry>? ConcernList { get; init; }
    public IReadOnlyList<string>? StrongProgramCriteria { get; init; }
    public int? MinimumSupplierResponseRate { get; init; }
    public IReadOnlyDictionary<string, FlagEffect> RedFlags { get; init; } = new Dictionary<string, FlagEffect>();
}
