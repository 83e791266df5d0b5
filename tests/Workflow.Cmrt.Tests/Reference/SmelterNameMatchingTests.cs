using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;

namespace Workflow.Cmrt.Tests.Reference;

public class SmelterNameMatchingTests
{
    private static readonly SmelterReferenceList List = new("test",
    [
        new SmelterReference("CID000035", Metal.Gold, "Allgemeine Gold-und Silberscheideanstalt A.G.", "GERMANY", Aliases: ["Agosi"]),
        new SmelterReference("CID000875", Metal.Tungsten, "Ganzhou Huaxing Tungsten Products Co., Ltd.", "CHINA"),
        new SmelterReference("CID000292", Metal.Tin, "Alpha", "UNITED STATES"),
    ]);

    [Theory]
    [InlineData("ALLGEMEINE GOLD-UND SILBERSCHEIDEANSTALT A.G.")]
    [InlineData("Allgemeine Gold-und Silberscheideanstalt, A.G.")]
    [InlineData("AGOSI")]
    public void ByName_CaseAndPunctuationAndLegalForm_Matches(string typed) =>
        Assert.Equal("CID000035", List.ByName(Metal.Gold, typed)?.Cid);

    [Fact]
    public void ByName_OtherMetal_NoMatch() => Assert.Null(List.ByName(Metal.Tin, "Agosi"));

    [Theory]
    [InlineData(Metal.Gold, "Allgemeine Gold- & Silberscheideanstalt", "CID000035")]
    [InlineData(Metal.Tungsten, "Ganzhou Huaxing Tungsten", "CID000875")]
    public void BySimilarName_SlightlyDifferentName_Matches(Metal metal, string typed, string cid) =>
        Assert.Equal(cid, List.BySimilarName(metal, typed)?.Cid);

    [Theory]
    [InlineData(Metal.Tin, "Alpha Metals")]
    [InlineData(Metal.Gold, "Golden Refinery")]
    public void BySimilarName_TooDifferent_NoMatch(Metal metal, string typed) => Assert.Null(List.BySimilarName(metal, typed));
}
