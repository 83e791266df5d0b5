using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Reference;

namespace Workflow.Cmrt.Tests.Support;

/// <summary>Reference data loaded once per test run.</summary>
public static class ReferenceLists
{
    private static readonly Lazy<SmelterReferenceList> Shared = new(() => ReferenceListLoaders.Directory(SharedData.ReferenceDirectory));

    public static SmelterReferenceList CfsiEra => Shared.Value;
    public static CmrtReaderOptions WithCfsiEra => CmrtReaderOptions.Default with { ReferenceList = CfsiEra };
}
