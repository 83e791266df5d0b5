using Workflow.Cmrt.Model;

namespace Workflow.Rules.Facts;

public enum MetalOriginKind
{
    RecycledOrScrap,
    NotFromCoveredCountries,
    CoveredCountriesConformant,
    Undetermined,
}

/// <summary>Step 5 intermediate: where one in-scope metal comes from, as far as the declaration shows.</summary>
public sealed record MetalOrigin(Metal Metal, MetalOriginKind Kind, string Rule, string Because);
