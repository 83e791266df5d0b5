using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Tests.Support;

namespace Workflow.Cmrt.Tests.Reading;

public class VersionDetectionTests
{
    private static CmrtReadResult Read(SyntheticWorkbook workbook) => CmrtReader.Read(new MemoryStream(workbook.ToBytes()));

    [Theory]
    [InlineData("Revision 2 August 29th 2012", "2.00", 2)]
    [InlineData("Revision 2.03a\nJuly 25th, 2013", "2.03a", 2)]
    [InlineData("Revision 3.01\nMay 30, 2014", "3.01", 3)]
    [InlineData("Revision 6.1\nApril 28, 2021", "6.1", 6)]
    // 6.0 was not seen: whether it prints "6" (as 2.00 prints "2") or "6.0", it is the same version.
    [InlineData("Revision 6\nMay 13, 2020", "6.0", 6)]
    [InlineData("Revision 6.0\nMay 13, 2020", "6.0", 6)]
    [InlineData("Revision 6.5\nApril 25, 2025", "6.5", 6)]
    public void Read_RevisionTextInJ3_VersionAsTheTemplateNamesIt(string j3, string version, int family)
    {
        var result = Read(new SyntheticWorkbook()
            .Sheet("Declaration", $"<row r=\"3\">{SyntheticWorkbook.InlineCell("J3", j3)}</row>").Sheet("Smelter List", ""));

        Assert.True(result.IsReadable, result.UnreadableReason);
        Assert.Equal((version, family), (result.Declaration!.Version, result.Declaration.Family));
    }

    [Fact]
    public void Read_NoJ3_FallsBackToSmelterListRevisionCell()
    {
        var result = Read(new SyntheticWorkbook()
            .Sheet("Declaration", "")
            .Sheet("Smelter List", $"<row r=\"3\">{SyntheticWorkbook.InlineCell("Q3", "Revision 6.22 May 11, 2022")}</row>"));

        Assert.Equal("6.22", result.Declaration?.Version);
    }

    [Fact]
    public void Read_NoRevisionCells_FallsBackToLastRowOfRevisionSheet()
    {
        var result = Read(new SyntheticWorkbook()
            .Sheet("Revision", $"<row r=\"12\">{SyntheticWorkbook.InlineCell("B12", "3.00")}</row><row r=\"13\">{SyntheticWorkbook.InlineCell("B13", "3.01")}</row>")
            .Sheet("Declaration", "")
            .Sheet("Smelter List", ""));

        Assert.Equal("3.01", result.Declaration?.Version);
    }
}
