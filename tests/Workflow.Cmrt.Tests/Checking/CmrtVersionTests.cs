using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Tests.Checking;

public class CmrtVersionTests
{
    [Fact]
    public void Compare_EveryReleasedRevision_InReleaseOrder()
    {
        string[] released =
        [
            "2.00", "2.01", "2.02", "2.03", "2.03a", "3.00", "3.01", "3.02", "4.00", "4.01", "4.01a", "4.01b", "4.10", "4.20",
            "5.00", "5.01", "5.10", "5.11", "5.12", "6.0", "6.01", "6.1", "6.2", "6.21", "6.22", "6.3", "6.31", "6.4", "6.5",
        ];

        var shuffled = released.Reverse().ToArray();
        var sorted = shuffled.OrderBy(CmrtVersion.Parse).ToArray();

        Assert.Equal(released, sorted);
    }

    [Theory]
    [InlineData("6.1", "6.10")]
    [InlineData("6.5", "6.50")]
    [InlineData("4.1", "4.10")]
    public void Parse_OneDigitMinorIsTenths(string printed, string padded) =>
        Assert.Equal(CmrtVersion.Parse(padded), CmrtVersion.Parse(printed));

    [Theory]
    [InlineData("")]
    [InlineData("six")]
    [InlineData("6.123")]
    [InlineData("6.1.2")]
    public void TryParse_NotARevision_False(string text) => Assert.False(CmrtVersion.TryParse(text, out _));
}
