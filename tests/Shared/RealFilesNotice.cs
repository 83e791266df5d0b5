namespace Workflow.Tests.Shared;

/// <summary>
/// The console lists skipped tests without their reason; this test's name carries it. Where the third-party files
/// are present it checks that they are what the real-file tests expect.
/// </summary>
public class RealFilesNotice
{
    [RealFilesFact]
    public void RealFileTests_AreSkippedWhenSharedDataIsMissing_SeeReadmeAndWorkflowSharedData()
    {
        Assert.True(Directory.Exists(Path.Combine(RealFiles.Required, "cmrt", "ddm")), "cmrt/ddm holds the real supplier CMRTs");
        Assert.True(Directory.Exists(Path.Combine(RealFiles.Required, "cmrt", "rmi-templates")), "cmrt/rmi-templates holds RMI's blank templates");
        Assert.True(File.Exists(Path.Combine(RealFiles.Required, "reference", "smelter_references.csv")), "reference/ holds the smelter lists");
    }
}
