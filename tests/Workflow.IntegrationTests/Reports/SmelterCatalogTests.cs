using Workflow.Application.Reports;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;

namespace Workflow.IntegrationTests.Reports;

/// <summary>The report's smelter list reads the reference list's status words as the policy does.</summary>
public class SmelterCatalogTests
{
    [Theory]
    [InlineData("Cross Recognized", "conformant")]
    [InlineData("Conformant", "conformant")]
    [InlineData("Active", "active")]
    [InlineData("Withdrawn", "not-audited")]
    public void ListedRefiner_GetsThePolicysStatus(string listStatus, string expected)
    {
        var reference = new SmelterReferenceList("test", [new SmelterReference("CID002763", Metal.Gold, "Example Refinery", "Switzerland", AuditStatus: listStatus)]);
        var evaluation = new StoredEvaluation
        {
            Smelters = [new StoredEvaluation.StoredSmelter("Gold", "Example Refinery", "Switzerland", "CID002763", "unknown", false)],
        };
        var @case = new ReportCase(Guid.NewGuid(), "C-000001", "Supplier", "Responded", 1, DateTimeOffset.UnixEpoch, "accepted", evaluation, false, [], false);

        var result = SmelterCatalog.Build([@case], reference);

        Assert.Equal(expected, Assert.Single(result.Smelters).Status);
    }
}
