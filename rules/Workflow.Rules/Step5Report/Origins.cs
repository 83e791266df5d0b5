using Workflow.Rules.Facts;

namespace Workflow.Rules.Step5Report;

/// <summary>
/// How per-metal origins combine into the supplier's determination. Recycled metal does not spoil a "not from covered
/// countries" or "conformant" determination: it is outside the covered-country question.
/// </summary>
public static class Origins
{
    public static bool AllRecycled(IEnumerable<MetalOrigin> origins) =>
        origins.All(o => o.Kind == MetalOriginKind.RecycledOrScrap);

    public static bool NotFromCoveredCountries(IEnumerable<MetalOrigin> origins) =>
        origins.All(o => o.Kind is MetalOriginKind.RecycledOrScrap or MetalOriginKind.NotFromCoveredCountries)
        && origins.Any(o => o.Kind == MetalOriginKind.NotFromCoveredCountries);

    public static bool CoveredCountriesConformant(IEnumerable<MetalOrigin> origins) =>
        origins.All(o => o.Kind != MetalOriginKind.Undetermined)
        && origins.Any(o => o.Kind == MetalOriginKind.CoveredCountriesConformant);

    public static bool AnyUndetermined(IEnumerable<MetalOrigin> origins) =>
        origins.Any(o => o.Kind == MetalOriginKind.Undetermined);

    public static string Explain(IEnumerable<MetalOrigin> origins) =>
        string.Join("; ", origins.OrderBy(o => o.Metal).Select(o => o.Because));

    public static string ExplainUndetermined(IEnumerable<MetalOrigin> origins) =>
        string.Join("; ", origins.Where(o => o.Kind == MetalOriginKind.Undetermined).OrderBy(o => o.Metal).Select(o => o.Because));
}
