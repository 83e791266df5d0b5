using Workflow.Cmrt.Model;
using Workflow.Rules.Facts;
using Workflow.Rules.Step5Report;
using Workflow.Rules.Tests.Support;

namespace Workflow.Rules.Tests.Step5Report;

public sealed class RecycledOrScrapMetalRuleTests() : RuleFixture(typeof(RecycledOrScrapMetalRule))
{
    [Fact]
    public void Fire_RecycledAnsweredYes_IsRecycled()
    {
        var origins = Explain(DeclarationBuilder.Clean().OnlyInScope(Metal.Gold).Recycled(Metal.Gold).Build()).MetalOrigins;

        var origin = Assert.Single(origins);
        Assert.Equal((Metal.Gold, MetalOriginKind.RecycledOrScrap), (origin.Metal, origin.Kind));
    }

    [Fact]
    public void Fire_NotRecycled_DoesNotFire()
    {
        Assert.Empty(Explain(DeclarationBuilder.Clean().Build()).MetalOrigins);
    }
}

public sealed class NotFromCoveredCountriesMetalRuleTests() : RuleFixture(typeof(NotFromCoveredCountriesMetalRule))
{
    [Fact]
    public void Fire_AnsweredNoAndNoCoveredSmelter_IsNotFromCoveredCountries()
    {
        var origins = Explain(DeclarationBuilder.Clean().OnlyInScope(Metal.Gold).Smelter(Metal.Gold, References.ConformantGold).Build()).MetalOrigins;

        Assert.Equal(MetalOriginKind.NotFromCoveredCountries, Assert.Single(origins).Kind);
    }

    [Fact]
    public void Fire_AnsweredNoButSmelterInDrc_DoesNotFire()
    {
        var origins = Explain(DeclarationBuilder.Clean().OnlyInScope(Metal.Gold).Smelter(Metal.Gold, References.DrcGold).Build()).MetalOrigins;

        Assert.Empty(origins);
    }

    [Fact]
    public void Fire_CoveredSmelterOfAnotherMetal_DoesNotPreventIt()
    {
        var declaration = DeclarationBuilder.Clean().OnlyInScope(Metal.Gold, Metal.Tin)
            .CoveredCountrySourcing(Metal.Tin, "Unknown").Smelter(Metal.Tin, References.RwandaTin).Build();

        var origin = Assert.Single(Explain(declaration).MetalOrigins);

        Assert.Equal(Metal.Gold, origin.Metal);
    }
}

public sealed class CoveredCountriesConformantMetalRuleTests() : RuleFixture(typeof(CoveredCountriesConformantMetalRule))
{
    [Fact]
    public void Fire_AnsweredYesAndAllSmeltersConformant_IsCoveredConformant()
    {
        var declaration = DeclarationBuilder.Clean().OnlyInScope(Metal.Tin).CoveredCountrySourcing(Metal.Tin, "Yes")
            .Smelter(Metal.Tin, References.RwandaTin).Smelter(Metal.Tin, References.ConformantTin).Build();

        Assert.Equal(MetalOriginKind.CoveredCountriesConformant, Assert.Single(Explain(declaration).MetalOrigins).Kind);
    }

    [Fact]
    public void Fire_AnsweredNoButConformantSmelterInRwanda_IsCoveredConformant()
    {
        var declaration = DeclarationBuilder.Clean().OnlyInScope(Metal.Tin).Smelter(Metal.Tin, References.RwandaTin).Build();

        Assert.Equal(MetalOriginKind.CoveredCountriesConformant, Assert.Single(Explain(declaration).MetalOrigins).Kind);
    }

    [Fact]
    public void Fire_AnsweredYesWithAnActiveSmelter_DoesNotFire()
    {
        var declaration = DeclarationBuilder.Clean().OnlyInScope(Metal.Tin).CoveredCountrySourcing(Metal.Tin, "Yes")
            .Smelter(Metal.Tin, References.RwandaTin).Smelter(Metal.Tin, References.ActiveTin).Build();

        Assert.Empty(Explain(declaration).MetalOrigins);
    }

    [Fact]
    public void Fire_AnsweredYesWithoutSmelters_DoesNotFire()
    {
        var declaration = DeclarationBuilder.Clean().OnlyInScope(Metal.Tin).CoveredCountrySourcing(Metal.Tin, "Yes").Build();

        Assert.Empty(Explain(declaration).MetalOrigins);
    }
}

public sealed class UndeterminedMetalOriginRuleTests()
    : RuleFixture(typeof(UndeterminedMetalOriginRule), typeof(RecycledOrScrapMetalRule))
{
    [Fact]
    public void Fire_InScopeMetalNoOtherRulePlaced_IsUndeterminedWithReason()
    {
        var declaration = DeclarationBuilder.Clean().OnlyInScope(Metal.Tin, Metal.Gold).Recycled(Metal.Gold)
            .CoveredCountrySourcing(Metal.Tin, "Unknown").Build();

        var origins = Explain(declaration).MetalOrigins;

        Assert.Equal(2, origins.Count);
        var tin = Assert.Single(origins, o => o.Metal == Metal.Tin);
        Assert.Equal(MetalOriginKind.Undetermined, tin.Kind);
        Assert.Contains("answered 'Unknown'", tin.Because);
        Assert.Equal(MetalOriginKind.RecycledOrScrap, Assert.Single(origins, o => o.Metal == Metal.Gold).Kind);
    }

    [Fact]
    public void Fire_OutOfScopeMetals_DoNotFire()
    {
        Assert.Empty(Explain(DeclarationBuilder.Clean().NoneInScope().Build()).MetalOrigins);
    }
}
