namespace Workflow.Cmrt.Reading.Layout;

/// <summary>The version-independent meaning of a per-metal question (see docs: cross-version mapping).</summary>
internal enum MetalTopic
{
    IntentionallyAdded,
    RemainsInProduct,
    CoveredCountrySourcing,
    CahraSourcing,
    RecycledOrScrap,
    SupplierResponse,
    AllSmeltersIdentified,
    AllInformationReported,
    AllSmeltersCompliant,
}
