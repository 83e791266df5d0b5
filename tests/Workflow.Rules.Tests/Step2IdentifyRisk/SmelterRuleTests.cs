using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Rules.Policies;
using Workflow.Rules.Step2IdentifyRisk;
using Workflow.Rules.Tests.Support;

namespace Workflow.Rules.Tests.Step2IdentifyRisk;

public sealed class CahraSmelterRaisesRedFlagRuleTests() : RuleFixture(typeof(CahraSmelterRaisesRedFlagRule))
{
    private static readonly Policy WithMyanmar = TestPolicies.Extending("cahraCountries: [Burma]");

    [Fact]
    public void Fire_SmelterInConfiguredCahra_RaisesRedFlag()
    {
        var result = Assess(DeclarationBuilder.Clean().Smelter(Metal.Tin, References.MyanmarTin).Build(), WithMyanmar);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(RedFlagCodes.SmelterInCahra, finding.Code);
        Assert.Equal(FindingSeverity.RedFlag, finding.Severity);
        Assert.Contains("Myanmar", finding.Because);
        Assert.Equal(Outcome.RedFlag, result.Outcome);
    }

    [Fact]
    public void Fire_DefaultPolicyHasNoCahraCountries_DoesNotFire()
    {
        var result = Assess(DeclarationBuilder.Clean().Smelter(Metal.Tin, References.MyanmarTin).Build());

        Assert.Empty(result.Findings);
        Assert.Equal(Outcome.Accepted, result.Outcome);
    }
}

public sealed class ConcernListSmelterRaisesRedFlagRuleTests() : RuleFixture(typeof(ConcernListSmelterRaisesRedFlagRule))
{
    private static readonly Policy WithConcern = TestPolicies.Extending(
        $"concernList:\n  - cid: {References.ActiveTin}\n    reason: NGO report of army-controlled mine supply (2025)");

    [Fact]
    public void Fire_SmelterOnConcernList_RaisesRedFlagWithReason()
    {
        var result = Assess(DeclarationBuilder.Clean().Smelter(Metal.Tin, References.ActiveTin).Build(), WithConcern);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(RedFlagCodes.SmelterOnConcernList, finding.Code);
        Assert.Contains("NGO report", finding.Because);
        Assert.Contains("NGO report", finding.Message);
        Assert.Equal(Outcome.RedFlag, result.Outcome);
    }

    [Fact]
    public void Fire_SmelterNotOnConcernList_DoesNotFire()
    {
        Assert.Empty(Assess(DeclarationBuilder.Clean().Smelter(Metal.Gold, References.ConformantGold).Build(), WithConcern).Findings);
    }
}

public sealed class UnacceptableAuditStatusSmelterRaisesFlagRuleTests() : RuleFixture(typeof(UnacceptableAuditStatusSmelterRaisesFlagRule))
{
    [Fact]
    public void Fire_NonConformantSmelter_WarnsAndOutcomeStaysAccepted()
    {
        var result = Assess(DeclarationBuilder.Clean().Smelter(Metal.Tin, References.NonConformantTin).Build());

        var finding = Assert.Single(result.Findings);
        Assert.Equal(RedFlagCodes.SmelterAuditStatusNotAcceptable, finding.Code);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("Non-Conformant", finding.Because);
        Assert.Equal(Outcome.Accepted, result.Outcome);
    }

    [Theory]
    [InlineData(References.ConformantGold)]
    [InlineData(References.ActiveTin)]
    [InlineData(References.NoStatusTungsten)]
    public void Fire_ConformantActiveOrNoStatusOnList_DoesNotFire(string cid)
    {
        var metal = References.List.ByCid(cid)!.Metal;
        Assert.Empty(Assess(DeclarationBuilder.Clean().Smelter(metal, cid).Build()).Findings);
    }

    [Fact]
    public void Fire_StrictPolicyNoLongerAcceptsProgressing_Escalates()
    {
        var cfsiList = new Cmrt.Reference.SmelterReferenceList("cfsi-2016",
            [new Cmrt.Reference.SmelterReference("CID000100", Metal.Gold, "Old Refinery", "Japan", AuditStatus: "Progressing")]);
        var strict = TestPolicies.Extending("acceptableAuditStatuses: [Conformant, Active]\nredFlags:\n  smelterAuditStatusNotAcceptable: escalate");
        var declaration = DeclarationBuilder.Clean().Smelter(Metal.Gold, "CID000100").Build();

        Assert.Empty(Assess(declaration, references: cfsiList).Findings);
        Assert.Equal(Outcome.RedFlag, Assess(declaration, strict, references: cfsiList).Outcome);
    }
}

public sealed class UnknownSmelterRaisesFlagRuleTests() : RuleFixture(typeof(UnknownSmelterRaisesFlagRule))
{
    [Fact]
    public void Fire_CidNotOnReferenceList_WarnsNotAKnownSmelter()
    {
        var result = Assess(DeclarationBuilder.Clean().Smelter(Metal.Gold, References.UnknownCid, "Mystery Metals").Build());

        var finding = Assert.Single(result.Findings);
        Assert.Equal(RedFlagCodes.SmelterNotOnReferenceList, finding.Code);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("not a known smelter", finding.Because);
        Assert.Equal(Outcome.Accepted, result.Outcome);
    }

    [Fact]
    public void Fire_SmelterNotListedRow_Warns()
    {
        var result = Assess(DeclarationBuilder.Clean().SmelterNotListed(Metal.Tin, "Backyard Tin", "Bolivia").Build());

        Assert.Equal(RedFlagCodes.SmelterNotOnReferenceList, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void Fire_CidOfAnotherMetal_IsNotAKnownSmelterForThisMetal()
    {
        var result = Assess(DeclarationBuilder.Clean().Smelter(Metal.Gold, References.ActiveTin).Build());

        Assert.Equal(RedFlagCodes.SmelterNotOnReferenceList, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void Fire_KnownSmelterOrNotYetIdentified_DoesNotFire()
    {
        var declaration = DeclarationBuilder.Clean().Smelter(Metal.Gold, References.ConformantGold).SmelterNotYetIdentified(Metal.Tin).Build();

        Assert.Empty(Assess(declaration).Findings);
    }
}

public sealed class NotYetIdentifiedSmelterRaisesFlagRuleTests() : RuleFixture(typeof(NotYetIdentifiedSmelterRaisesFlagRule))
{
    [Fact]
    public void Fire_NotYetIdentifiedRow_Warns()
    {
        var result = Assess(DeclarationBuilder.Clean().SmelterNotYetIdentified(Metal.Tantalum).Build());

        var finding = Assert.Single(result.Findings);
        Assert.Equal(RedFlagCodes.SmelterNotYetIdentified, finding.Code);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(Outcome.Accepted, result.Outcome);
    }

    [Fact]
    public void Fire_IdentifiedSmelter_DoesNotFire()
    {
        Assert.Empty(Assess(DeclarationBuilder.Clean().Smelter(Metal.Gold, References.ConformantGold).Build()).Findings);
    }
}
