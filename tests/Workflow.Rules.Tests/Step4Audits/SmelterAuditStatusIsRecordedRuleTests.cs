using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Rules.Facts;
using Workflow.Rules.Step2IdentifyRisk;
using Workflow.Rules.Step4Audits;
using Workflow.Rules.Tests.Support;

namespace Workflow.Rules.Tests.Step4Audits;

public sealed class SmelterAuditStatusIsRecordedRuleTests()
    : RuleFixture(typeof(SmelterAuditStatusIsRecordedRule), typeof(CoveredCountrySmelterRaisesRedFlagRule))
{
    [Fact]
    public void Fire_EveryKindOfRow_RecordsItsStatusInRowOrder()
    {
        var declaration = DeclarationBuilder.Clean()
            .Smelter(Metal.Gold, References.ConformantGold)
            .Smelter(Metal.Tin, References.ActiveTin)
            .Smelter(Metal.Tin, References.RwandaTinNotAudited)
            .Smelter(Metal.Tungsten, References.NoStatusTungsten)
            .SmelterNotListed(Metal.Tin, "Backyard Tin", "Bolivia")
            .SmelterNotYetIdentified(Metal.Gold)
            .Smelter(Metal.Gold, References.ConformantGold)
            .Build();

        var result = Assess(declaration);

        Assert.Equal(
            [SmelterAuditStatus.Conformant, SmelterAuditStatus.Active, SmelterAuditStatus.NotAudited, SmelterAuditStatus.Unknown,
             SmelterAuditStatus.NotListed, SmelterAuditStatus.NotYetIdentified, SmelterAuditStatus.Conformant],
            result.Smelters.Select(s => s.Status));
        Assert.Equal([false, false, true, false, false, false, false], result.Smelters.Select(s => s.RedFlag));
        Assert.Equal("Alpine Gold Refinery", result.Smelters[0].Name);
        Assert.Equal("RWANDA", result.Smelters[2].Country);
        Assert.Equal(Outcome.RedFlag, result.Outcome);
    }

    [Fact]
    public void Fire_NoSmelters_RecordsNothing()
    {
        Assert.Empty(Assess(DeclarationBuilder.Clean().Build()).Smelters);
    }
}
