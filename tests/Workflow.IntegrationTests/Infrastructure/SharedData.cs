using Workflow.Tests.Shared;

namespace Workflow.IntegrationTests.Infrastructure;

/// <summary>
/// The real CMRT workbooks and smelter lists of <see cref="RealFiles"/> (never copied into the repository); tests
/// that use them are marked <see cref="RealFilesFactAttribute"/> or <see cref="RealFilesTheoryAttribute"/>.
/// </summary>
public static class SharedData
{
    public static string Root => RealFiles.Required;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
