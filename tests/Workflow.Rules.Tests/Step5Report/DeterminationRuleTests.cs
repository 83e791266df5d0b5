using Workflow.Cmrt.Model;
using Workflow.Rules.Facts;
using Workflow.Rules.Step5Report;
using Workflow.Rules.Tests.Support;

namespace Workflow.Rules.Tests.Step5Report;

/// <summary>Determination rules read MetalOrigin facts; the tests hand them in directly.</summary>
public abstract class DeterminationFixture(Type rule) : RuleFixture(rule)
{
    protected static MetalOrigin Origin(Metal metal, MetalOriginKind kind) => new(metal, kind, "test", $"{metal}: {kind}");

    protected IReadOnlyList<Determination> Determine(params object[] facts) => FireOver<Determination>(facts);
}

public sealed class RecycledOrScrapDeterminationRuleTests() : DeterminationFixture(typeof(RecycledOrScrapDeterminationRule))
{
    [Fact]
    public void Fire_AllRecycled_Fires() =>
        Assert.Equal(Determination.RecycledOrScrap, Assert.Single(Determine(
            Origin(Metal.Gold, MetalOriginKind.RecycledOrScrap), Origin(Metal.Tin, MetalOriginKind.RecycledOrScrap))).Kind);

    [Fact]
    public void Fire_OneNotRecycled_DoesNotFire() =>
        Assert.Empty(Determine(Origin(Metal.Gold, MetalOriginKind.RecycledOrScrap), Origin(Metal.Tin, MetalOriginKind.NotFromCoveredCountries)));

    [Fact]
    public void Fire_CheckerError_DoesNotFire() =>
        Assert.Empty(Determine(Origin(Metal.Gold, MetalOriginKind.RecycledOrScrap), new CheckerFinding(CheckerError())));
}

public sealed class NotFromCoveredCountriesDeterminationRuleTests() : DeterminationFixture(typeof(NotFromCoveredCountriesDeterminationRule))
{
    [Fact]
    public void Fire_NotFromCoveredPlusRecycled_Fires() =>
        Assert.Equal(Determination.NotFromCoveredCountries, Assert.Single(Determine(
            Origin(Metal.Gold, MetalOriginKind.RecycledOrScrap), Origin(Metal.Tin, MetalOriginKind.NotFromCoveredCountries))).Kind);

    [Fact]
    public void Fire_OneUndetermined_DoesNotFire() =>
        Assert.Empty(Determine(Origin(Metal.Gold, MetalOriginKind.Undetermined), Origin(Metal.Tin, MetalOriginKind.NotFromCoveredCountries)));
}

public sealed class CoveredCountriesConformantDeterminationRuleTests() : DeterminationFixture(typeof(CoveredCountriesConformantDeterminationRule))
{
    [Fact]
    public void Fire_OneConformantRestClean_Fires() =>
        Assert.Equal(Determination.CoveredCountriesConformant, Assert.Single(Determine(
            Origin(Metal.Gold, MetalOriginKind.NotFromCoveredCountries), Origin(Metal.Tin, MetalOriginKind.CoveredCountriesConformant))).Kind);

    [Fact]
    public void Fire_NoCoveredMetal_DoesNotFire() =>
        Assert.Empty(Determine(Origin(Metal.Gold, MetalOriginKind.NotFromCoveredCountries)));
}

public sealed class UndeterminedDeterminationRuleTests() : DeterminationFixture(typeof(UndeterminedDeterminationRule))
{
    [Fact]
    public void Fire_AnyUndetermined_FiresWithThatMetalsReason()
    {
        var determination = Assert.Single(Determine(
            Origin(Metal.Gold, MetalOriginKind.CoveredCountriesConformant), Origin(Metal.Tin, MetalOriginKind.Undetermined)));

        Assert.Equal(Determination.Undetermined, determination.Kind);
        Assert.Equal("Tin: Undetermined", determination.Because);
    }

    [Fact]
    public void Fire_NoneUndetermined_DoesNotFire() =>
        Assert.Empty(Determine(Origin(Metal.Gold, MetalOriginKind.RecycledOrScrap)));
}

public sealed class NoThreeTgDeterminationRuleTests() : RuleFixture(typeof(NoThreeTgDeterminationRule))
{
    [Fact]
    public void Fire_NoMetalInScope_IsNo3tg() =>
        Assert.Equal(Determination.NoThreeTg, Assess(DeclarationBuilder.Clean().NoneInScope().Build()).Determination);

    [Fact]
    public void Fire_AMetalInScope_DoesNotFire() =>
        Assert.Null(Assess(DeclarationBuilder.Clean().OnlyInScope(Metal.Tin).Build()).Determination);

    [Fact]
    public void Fire_InvalidDeclaration_HasNoDetermination() =>
        Assert.Null(Assess(DeclarationBuilder.Clean().NoneInScope().Build(), checkerFindings: [CheckerError()]).Determination);
}
