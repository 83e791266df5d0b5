using Workflow.Tests.Shared;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Tests.Support;

namespace Workflow.Cmrt.Tests.Reading;

/// <summary>
/// 4.x and 5.x were never checked against a real file: their question blocks are found by structure. Simulated by
/// relabelling a real 3.01 workbook (3.x and 4.x share the layout according to the revision notes).
/// </summary>
public class StructuralLayoutTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Relabel(string version, Action<TemplateFiller>? more = null)
    {
        var filler = new TemplateFiller().Declaration("J3", $"Revision {version}\nApril 30, 2015");
        more?.Invoke(filler);
        return filler.Save(SharedData.Sample("3.01", "high_risk.xlsx"), _temp.Path);
    }

    [RealFilesFact]
    public void Read_Version4WithThreeXStructure_FoundByStructure()
    {
        var result = CmrtReader.Read(Relabel("4.10"));

        Assert.True(result.IsReadable, result.UnreadableReason);
        var d = result.Declaration!;
        Assert.Equal(("4.10", 4), (d.Version, d.Family));
        Assert.Equal("Declaration!D38", d.For(Metal.Tantalum).CoveredCountrySourcing.Location);
        Assert.True(d.For(Metal.Tantalum).CoveredCountrySourcing.IsYes);
        Assert.Equal("Declaration!D87", d.CompanyQuestions.FilesDisclosure!.Location);
        Assert.Equal(4, d.Smelters.Count);
    }

    [RealFilesFact]
    public void Read_Version5WithTenCompanyQuestions_UnsupportedLayout()
    {
        var result = CmrtReader.Read(Relabel("5.12"));

        Assert.False(result.IsReadable);
        Assert.Contains("Unsupported layout", result.UnreadableReason);
        Assert.Equal("5.12", result.Version);
    }

    [RealFilesFact]
    public void Read_Version4WithUnknownAnswerInBlock_UnsupportedLayoutRatherThanMisread()
    {
        var result = CmrtReader.Read(Relabel("4.01", f => f.Declaration("D44", "Perhaps")));

        Assert.False(result.IsReadable);
        Assert.Contains("Unsupported layout", result.UnreadableReason);
        Assert.Contains("D44", result.UnreadableReason);
    }

    [RealFilesFact]
    public void Read_Version7_NotSupported()
    {
        var result = CmrtReader.Read(Relabel("7.0"));

        Assert.False(result.IsReadable);
        Assert.Contains("not supported", result.UnreadableReason);
    }
}
