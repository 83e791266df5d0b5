using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Rules.Policies;
using Workflow.Rules.Step2IdentifyRisk;
using Workflow.Rules.Tests.Support;

namespace Workflow.Rules.Tests.Step2IdentifyRisk;

public sealed class CoveredCountrySourcingRaisesRedFlagRuleTests() : RuleFixture(typeof(CoveredCountrySourcingRaisesRedFlagRule))
{
    [Fact]
    public void Fire_InScopeMetalAnsweredYes_RaisesRedFlagAtTheAnswerCell()
    {
        var result = Assess(DeclarationBuilder.Clean().CoveredCountrySourcing(Metal.Tin, "Yes").Build());

        var finding = Assert.Single(result.Findings);
        Assert.Equal(RedFlagCodes.CoveredCountrySourcing, finding.Code);
        Assert.Equal("Declaration!D39", finding.Location);
        Assert.Equal(FindingSeverity.RedFlag, finding.Severity);
        Assert.Equal(Outcome.RedFlag, result.Outcome);
    }

    [Theory]
    [InlineData("No")]
    [InlineData("Unknown")]
    public void Fire_AnsweredOtherwise_DoesNotFire(string answer)
    {
        Assert.Empty(Assess(DeclarationBuilder.Clean().CoveredCountrySourcing(Metal.Tin, answer).Build()).Findings);
    }

    [Fact]
    public void Fire_MetalOutOfScope_DoesNotFire()
    {
        var declaration = DeclarationBuilder.Clean().CoveredCountrySourcing(Metal.Tin, "Yes").OnlyInScope(Metal.Gold).Build();

        Assert.Empty(Assess(declaration).Findings);
    }
}

public sealed class CahraSourcingRaisesRedFlagRuleTests() : RuleFixture(typeof(CahraSourcingRaisesRedFlagRule))
{
    [Fact]
    public void Fire_CahraAnsweredYes_RaisesRedFlag()
    {
        var declaration = DeclarationBuilder.Clean()
            .Metal(Metal.Gold, m => m with { CahraSourcing = DeclarationBuilder.Cell("Yes", "Declaration!D46") }).Build();

        var result = Assess(declaration);

        Assert.Equal(RedFlagCodes.CahraSourcing, Assert.Single(result.Findings).Code);
        Assert.Equal(Outcome.RedFlag, result.Outcome);
    }

    [Fact]
    public void Fire_VersionWithoutTheQuestion_DoesNotFire()
    {
        var declaration = DeclarationBuilder.Clean().Version("3.01", 3).AllMetals(m => m with { CahraSourcing = null }).Build();

        Assert.Empty(Assess(declaration).Findings);
    }
}

public sealed class LowSupplierResponseRateRaisesFlagRuleTests() : RuleFixture(typeof(LowSupplierResponseRateRaisesFlagRule))
{
    private static DeclarationBuilder WithRate(int percent, string raw) => DeclarationBuilder.Clean().Metal(Metal.Tin, m => m with
    {
        SupplierResponse = new AnswerCell(raw, Answer.Yes, m.SupplierResponse.Location),
        ResponseRate = new ResponseRate(percent, percent == 100),
    });

    [Fact]
    public void Fire_FiftyPercentBelowDefaultMinimum_Warns()
    {
        var result = Assess(WithRate(50, "Greater than 50%").Build());

        var finding = Assert.Single(result.Findings);
        Assert.Equal(RedFlagCodes.LowSupplierResponseRate, finding.Code);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("75%", finding.Because);
        Assert.Equal(Outcome.Accepted, result.Outcome);
    }

    [Fact]
    public void Fire_AtTheMinimum_DoesNotFire()
    {
        Assert.Empty(Assess(WithRate(75, "Greater than 75%").Build()).Findings);
    }

    [Fact]
    public void Fire_StricterMinimum_Fires()
    {
        var policy = TestPolicies.Extending("minimumSupplierResponseRate: 90%");
        Assert.Single(Assess(WithRate(75, "Greater than 75%").Build(), policy).Findings);
    }
}

public sealed class NotAllSmeltersIdentifiedRaisesFlagRuleTests() : RuleFixture(typeof(NotAllSmeltersIdentifiedRaisesFlagRule))
{
    [Fact]
    public void Fire_AnsweredNo_Warns()
    {
        var declaration = DeclarationBuilder.Clean()
            .Metal(Metal.Gold, m => m with { AllSmeltersIdentified = DeclarationBuilder.Cell("No", m.AllSmeltersIdentified.Location) }).Build();

        var result = Assess(declaration);

        Assert.Equal(RedFlagCodes.NotAllSmeltersIdentified, Assert.Single(result.Findings).Code);
        Assert.Equal(Outcome.Accepted, result.Outcome);
    }

    [Fact]
    public void Fire_AnsweredYes_DoesNotFire()
    {
        Assert.Empty(Assess(DeclarationBuilder.Clean().Build()).Findings);
    }
}

public sealed class CompanyLevelDeclarationNamingRedFlagSmelterRaisesFlagRuleTests()
    : RuleFixture(typeof(CompanyLevelDeclarationNamingRedFlagSmelterRaisesFlagRule), typeof(CoveredCountrySmelterRaisesRedFlagRule))
{
    [Theory]
    [InlineData(DeclarationScope.Company)]
    [InlineData(DeclarationScope.UserDefined)]
    public void Fire_CompanyLevelWithCoveredCountrySmelter_WarnsAboutScope(DeclarationScope scope)
    {
        var result = Assess(DeclarationBuilder.Clean().Scope(scope).Smelter(Metal.Tin, References.RwandaTin).Build());

        var scopeRisk = Assert.Single(result.Findings, f => f.Code == RedFlagCodes.CompanyLevelDeclarationNamesRedFlagSmelter);
        Assert.Equal(FindingSeverity.Warning, scopeRisk.Severity);
        Assert.Contains(References.RwandaTin, scopeRisk.Because);
        Assert.Equal("Declaration!D9", scopeRisk.Location);
    }

    [Fact]
    public void Fire_ProductLevel_DoesNotFire()
    {
        var result = Assess(DeclarationBuilder.Clean().Scope(DeclarationScope.Product).Smelter(Metal.Tin, References.RwandaTin).Build());

        Assert.DoesNotContain(result.Findings, f => f.Code == RedFlagCodes.CompanyLevelDeclarationNamesRedFlagSmelter);
    }

    [Fact]
    public void Fire_SmelterFlagOnlyWarns_DoesNotFire()
    {
        var policy = TestPolicies.Extending("redFlags:\n  smelterInCoveredCountry: warn");
        var result = Assess(DeclarationBuilder.Clean().Smelter(Metal.Tin, References.RwandaTin).Build(), policy);

        Assert.DoesNotContain(result.Findings, f => f.Code == RedFlagCodes.CompanyLevelDeclarationNamesRedFlagSmelter);
    }
}
