using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Rules.Policies;
using Workflow.Rules.Step2IdentifyRisk;
using Workflow.Rules.Tests.Support;

namespace Workflow.Rules.Tests.Step2IdentifyRisk;

public sealed class CoveredCountrySmelterRaisesRedFlagRuleTests() : RuleFixture(typeof(CoveredCountrySmelterRaisesRedFlagRule))
{
    [Fact]
    public void Fire_SmelterInRwanda_RaisesRedFlagAndOutcomeIsRedFlag()
    {
        var declaration = DeclarationBuilder.Clean().Smelter(Metal.Tin, References.RwandaTin).Build();

        var result = Assess(declaration);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(RedFlagCodes.SmelterInCoveredCountry, finding.Code);
        Assert.Equal(FindingSeverity.RedFlag, finding.Severity);
        Assert.Equal(References.RwandaTin, finding.Cid);
        Assert.Equal(2, finding.OecdStep);
        Assert.Equal("default", finding.PolicyVersion);
        Assert.Equal(nameof(CoveredCountrySmelterRaisesRedFlagRule), finding.Rule);
        Assert.Equal("Smelter List!5:5", finding.Location);
        Assert.Contains("Rwanda", finding.Because);
        Assert.Equal(Outcome.RedFlag, result.Outcome);
    }

    [Fact]
    public void Fire_NotListedSmelterTypedAsDrc_UsesTheRowsCountry()
    {
        var declaration = DeclarationBuilder.Clean().SmelterNotListed(Metal.Gold, "Bukavu Gold Traders", "DRC").Build();

        var result = Assess(declaration);

        Assert.Equal(RedFlagCodes.SmelterInCoveredCountry, Assert.Single(result.Findings).Code);
    }

    // The spellings templates and smelter lists use; the policy's country list is the only covered-country list.
    [Theory]
    [InlineData("Congo, Democratic Republic of the", true)]
    [InlineData("DRC", true)]
    [InlineData("Republic of the Congo", true)]
    [InlineData("TANZANIA, UNITED REPUBLIC OF", true)]
    [InlineData("South Sudan", true)]
    [InlineData("RWA", true)]
    [InlineData("Sudan", false)]
    [InlineData("China", false)]
    [InlineData("", false)]
    public void Fire_NotListedSmelterCountrySpelling_FiresOnlyForCoveredCountries(string country, bool covered)
    {
        var declaration = DeclarationBuilder.Clean().SmelterNotListed(Metal.Gold, "Some Gold Works", country).Build();

        var result = Assess(declaration);

        Assert.Equal(covered, result.Findings.Any(f => f.Code == RedFlagCodes.SmelterInCoveredCountry));
        Assert.Equal(covered ? Outcome.RedFlag : Outcome.Accepted, result.Outcome);
    }

    [Fact]
    public void Fire_SmelterInSwitzerland_DoesNotFire()
    {
        var declaration = DeclarationBuilder.Clean().Smelter(Metal.Gold, References.ConformantGold).Build();

        var result = Assess(declaration);

        Assert.Empty(result.Findings);
        Assert.Equal(Outcome.Accepted, result.Outcome);
    }

    [Fact]
    public void Fire_FlagSetToWarn_WarnsAndOutcomeStaysAccepted()
    {
        var policy = TestPolicies.Extending("redFlags:\n  smelterInCoveredCountry: warn");
        var declaration = DeclarationBuilder.Clean().Smelter(Metal.Tin, References.RwandaTin).Build();

        var result = Assess(declaration, policy);

        Assert.Equal(FindingSeverity.Warning, Assert.Single(result.Findings).Severity);
        Assert.Equal(Outcome.Accepted, result.Outcome);
        Assert.Equal("test", result.Findings[0].PolicyVersion);
    }

    [Fact]
    public void Fire_FlagSetToIgnore_DoesNotFire()
    {
        var policy = TestPolicies.Extending("redFlags:\n  smelterInCoveredCountry: ignore");
        var declaration = DeclarationBuilder.Clean().Smelter(Metal.Tin, References.RwandaTin).Build();

        Assert.Empty(Assess(declaration, policy).Findings);
    }
}
