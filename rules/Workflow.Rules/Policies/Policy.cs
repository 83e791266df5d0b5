namespace Workflow.Rules.Policies;

/// <summary>
/// A resolved, validated policy version (inheritance already applied). Immutable: a reload builds a new one, so an
/// evaluation in flight never sees half of an edit. Countries are held as ISO alpha-2 codes.
/// </summary>
public sealed class Policy
{
    public required string Version { get; init; }
    public string? Extends { get; init; }
    public string? Description { get; init; }
    /// <summary>Where it came from: a file path, or "built-in".</summary>
    public string Source { get; init; } = "built-in";
    public required IReadOnlySet<string> CoveredCountries { get; init; }
    public required IReadOnlySet<string> CahraCountries { get; init; }
    /// <summary>Held in <see cref="AuditStatusWords.Normalise"/> form.</summary>
    public required IReadOnlySet<string> AcceptableAuditStatuses { get; init; }
    public required IReadOnlyDictionary<string, ConcernEntry> ConcernList { get; init; }
    public required IReadOnlyList<string> StrongProgramCriteria { get; init; }
    public required int MinimumSupplierResponseRate { get; init; }
    public required IReadOnlyDictionary<string, FlagEffect> RedFlags { get; init; }

    /// <summary>SHA-256 of the resolved form (<see cref="PolicyFingerprint"/>): what a pin and an evaluation record.</summary>
    public string Sha256 => _sha256 ??= PolicyFingerprint.Sha256(this);
    private string? _sha256;

    public FlagEffect EffectOf(string flag) => RedFlags.TryGetValue(flag, out var e) ? e : FlagEffect.Ignore;

    /// <summary>Rules test this in their conditions so an ignored flag never fires at all.</summary>
    public bool Raises(string flag) => EffectOf(flag) != FlagEffect.Ignore;

    public bool IsCovered(string? countryCode) => countryCode is not null && CoveredCountries.Contains(countryCode);
    public bool IsCahra(string? countryCode) => countryCode is not null && CahraCountries.Contains(countryCode);
    /// <summary>Compared in <see cref="AuditStatusWords.Normalise"/> form, whatever the spelling on either side.</summary>
    public bool IsAcceptable(string? auditStatus) =>
        auditStatus is not null && AcceptableAuditStatuses.Contains(AuditStatusWords.Normalise(auditStatus));
    public ConcernEntry? ConcernFor(string? cid) => cid is not null && ConcernList.TryGetValue(cid, out var c) ? c : null;

    public override string ToString() => Version;
}
