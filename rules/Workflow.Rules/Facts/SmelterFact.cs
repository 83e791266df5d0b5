using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;

namespace Workflow.Rules.Facts;

/// <summary>
/// One Smelter List row with its reference-list entry already joined on (by CID, before insertion): rules then test
/// single facts instead of joining thousands of rows with a 1,500-entry list inside the engine.
/// A class with reference identity, because two identical rows are still two rows.
/// </summary>
public sealed class SmelterFact
{
    private string? _location;

    public required SmelterRow Row { get; init; }
    public SmelterReference? Reference { get; init; }
    public Metal? Metal => Row.Metal ?? Reference?.Metal;
    public string MetalName => Metal?.ToString() ?? Row.MetalRaw ?? "Unknown metal";
    public string? Cid => Reference?.Cid ?? Row.Cid;
    public string? Name => Reference?.StandardName ?? Row.Name ?? Row.LookupName;
    /// <summary>The reference list's country when listed (suppliers' spelling varies), else the row's.</summary>
    public string? Country => Reference?.Country ?? Row.Country;
    /// <summary>ISO alpha-2 code of <see cref="Country"/>, or null when it is not a recognisable country.</summary>
    public string? CountryCode { get; init; }
    /// <summary>The reference list's own status word (Conformant, Active, Compliant, …), or null.</summary>
    public string? ReferenceStatus => Reference?.AuditStatus;
    public bool HasReferenceStatus => !string.IsNullOrWhiteSpace(Reference?.AuditStatus);
    /// <summary>One of <see cref="SmelterAuditStatus"/>.</summary>
    public required string AuditStatus { get; init; }
    public bool IsOnReferenceList => Reference is not null;
    public bool IsNotYetIdentified => Row.Kind == SmelterRowKind.NotYetIdentified;
    public string Location => _location ??= $"Smelter List!{Row.RowNumber}:{Row.RowNumber}";
    public string Label => Name is null ? $"row {Row.RowNumber}" : Cid is null ? Name : $"{Name} ({Cid})";
}
