using Workflow.Tests.Shared;
using NRules;
using NRules.RuleModel;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Rules.Assessment;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;
using Workflow.Rules.Tests.Support;

namespace Workflow.Rules.Tests;

/// <summary>
/// All rules together with the built-in default, on constructed declarations. End-to-end tests on the shared sample
/// workbooks need the reader (src/Workflow.Cmrt, another branch) and belong after the merge.
/// </summary>
public sealed class EndToEndPolicyTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 31);
    private readonly PolicyAssessor _assessor = new(DefaultPolicy.Rules, PolicyLoader.Default, References.List);

    [Fact]
    public void Assess_CleanProductLevelDeclaration_IsAcceptedNotFromCoveredCountriesStrong()
    {
        var declaration = DeclarationBuilder.Clean().Scope(DeclarationScope.Product)
            .Smelter(Metal.Gold, References.ConformantGold).Smelter(Metal.Tin, References.ConformantTin)
            .Smelter(Metal.Tantalum, References.ConformantTantalum).Smelter(Metal.Tungsten, References.ConformantTungsten).Build();

        var result = _assessor.Assess(declaration, [], AsOf);

        Assert.Equal(Outcome.Accepted, result.Outcome);
        Assert.Empty(result.Findings);
        Assert.Empty(result.Decisions);
        Assert.Equal(Determination.NotFromCoveredCountries, result.Determination);
        Assert.Equal("strong", result.ProgramStrength);
        Assert.Equal(4, result.Smelters.Count);
        Assert.Equal("default", result.PolicyVersion);
        Assert.Equal("test-2026-01", result.ReferenceListVersion);
    }

    [Fact]
    public void Assess_CompanyLevelWithRwandaSmelter_RedFlagEscalatedAndProductLevelRequested()
    {
        var declaration = DeclarationBuilder.Clean()
            .Smelter(Metal.Gold, References.ConformantGold).Smelter(Metal.Tin, References.RwandaTinNotAudited).Build();

        var result = _assessor.Assess(declaration, [], AsOf);

        Assert.Equal(Outcome.RedFlag, result.Outcome);
        Assert.Equal(
            [RedFlagCodes.CompanyLevelDeclarationNamesRedFlagSmelter, RedFlagCodes.SmelterInCoveredCountry, RedFlagCodes.SmelterAuditStatusNotAcceptable],
            result.Findings.Select(f => f.Code));
        Assert.Equal([DecisionKinds.RequestProductLevelCmrt, DecisionKinds.Escalate], result.Decisions.Select(d => d.Kind));
        Assert.Equal(Determination.Undetermined, result.Determination);
        Assert.True(result.Smelters[1].RedFlag);
        Assert.All(result.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Because)));
        Assert.All(result.Findings, f => Assert.Equal("default", f.PolicyVersion));
    }

    [Fact]
    public void Assess_WarningsOnly_StaysAcceptedWithoutDecisions()
    {
        var declaration = DeclarationBuilder.Clean().Scope(DeclarationScope.Product)
            .Company(c => c with { Policy = DeclarationBuilder.Cell("No", "Declaration!D75") })
            .Metal(Metal.Tin, m => m with { AllSmeltersIdentified = DeclarationBuilder.Cell("No", m.AllSmeltersIdentified.Location) })
            .Smelter(Metal.Tin, References.NonConformantTin).SmelterNotListed(Metal.Gold, "Backyard Gold", "Peru")
            .SmelterNotYetIdentified(Metal.Tantalum).Build();

        var result = _assessor.Assess(declaration, [], AsOf);

        Assert.Equal(Outcome.Accepted, result.Outcome);
        Assert.All(result.Findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
        Assert.Equal(4, result.Findings.Count);
        Assert.Empty(result.Decisions);
        Assert.Equal("weak", result.ProgramStrength);
    }

    [Fact]
    public void Assess_UnknownAndUnidentifiedSmelterRows_AreReportedOnceEach_ByThePolicyWhenItFlagsThem()
    {
        var declaration = DeclarationBuilder.Clean().Scope(DeclarationScope.Product)
            .Smelter(Metal.Tin, References.ConformantTin).SmelterNotListed(Metal.Gold, "Backyard Gold", "Peru")
            .SmelterNotYetIdentified(Metal.Tantalum).Build();
        var checker = Workflow.Cmrt.Checking.CmrtChecker.Check(declaration, AsOf);
        Assert.Contains(checker, f => f.Code == Workflow.Cmrt.Checking.FindingCodes.SmelterUnmatched);
        Assert.Contains(checker, f => f.Code == Workflow.Cmrt.Checking.FindingCodes.SmelterNotYetIdentified);

        var flagged = _assessor.Assess(declaration, checker, AsOf);

        Assert.DoesNotContain(flagged.Findings, f => f.Code is Workflow.Cmrt.Checking.FindingCodes.SmelterUnmatched
            or Workflow.Cmrt.Checking.FindingCodes.SmelterNotYetIdentified);
        Assert.Single(flagged.Findings, f => f.Code == RedFlagCodes.SmelterNotOnReferenceList);
        Assert.Single(flagged.Findings, f => f.Code == RedFlagCodes.SmelterNotYetIdentified);

        // A policy that ignores those flags leaves the template's own advice in place.
        var quiet = new PolicyAssessor(DefaultPolicy.Rules, TestPolicies.Extending("redFlags:\n  smelterNotOnReferenceList: ignore\n  smelterNotYetIdentified: ignore"), References.List);
        var ignored = quiet.Assess(declaration, checker, AsOf);
        Assert.Single(ignored.Findings, f => f.Code == Workflow.Cmrt.Checking.FindingCodes.SmelterUnmatched);
        Assert.Single(ignored.Findings, f => f.Code == Workflow.Cmrt.Checking.FindingCodes.SmelterNotYetIdentified);
    }

    [Fact]
    public void Assess_CheckerError_InvalidWithCheckerFindingsFirstAndNoDetermination()
    {
        var checkerError = new Finding("CMRT-REQ-001", FindingSeverity.Error, "Declaration!D8", "Company name is required", "RequiredField");
        var declaration = DeclarationBuilder.Clean().CoveredCountrySourcing(Metal.Gold, "Yes").Build();

        var result = _assessor.Assess(declaration, [checkerError], AsOf);

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Same(checkerError, result.Findings[0]);
        Assert.Equal(RedFlagCodes.CoveredCountrySourcing, result.Findings[1].Code);
        Assert.Null(result.Determination);
        Assert.Equal([DecisionKinds.RequestCorrection, DecisionKinds.Escalate], result.Decisions.Select(d => d.Kind));
    }

    [Theory]
    [InlineData(false, Determination.RecycledOrScrap)]
    [InlineData(true, Determination.NoThreeTg)]
    public void Assess_RecycledOrNothingInScope_Determination(bool noneInScope, string expected)
    {
        var builder = DeclarationBuilder.Clean().AllMetals(m => m with { RecycledOrScrap = DeclarationBuilder.Cell("Yes", m.RecycledOrScrap.Location) });
        if (noneInScope) builder.NoneInScope();

        Assert.Equal(expected, _assessor.Assess(builder.Build(), [], AsOf).Determination);
    }

    [Fact]
    public void Assess_CoveredYesThroughConformantSmelters_IsCoveredCountriesConformantButStillEscalates()
    {
        var declaration = DeclarationBuilder.Clean().Scope(DeclarationScope.Product).OnlyInScope(Metal.Tin)
            .CoveredCountrySourcing(Metal.Tin, "Yes").Smelter(Metal.Tin, References.RwandaTin).Build();

        var result = _assessor.Assess(declaration, [], AsOf);

        Assert.Equal(Determination.CoveredCountriesConformant, result.Determination);
        Assert.Equal(Outcome.RedFlag, result.Outcome);
    }

    [Fact]
    public void Assess_SameInputTwice_SameResult()
    {
        var declaration = DeclarationBuilder.Clean().Smelter(Metal.Tin, References.RwandaTin).SmelterNotYetIdentified(Metal.Gold).Build();

        var first = _assessor.Assess(declaration, [], AsOf);
        var second = _assessor.Assess(declaration, [], AsOf);

        Assert.Equal(first.Findings, second.Findings);
        Assert.Equal(first.Decisions, second.Decisions);
        Assert.Equal(first.Smelters, second.Smelters);
    }

    [Fact]
    public void RuleSet_EveryRuleHasNameAndTag()
    {
        var repository = new NRules.Fluent.RuleRepository();
        repository.Load(x => x.From(typeof(PolicyAssessor).Assembly));
        var rules = repository.GetRules().ToList();

        Assert.True(rules.Count >= 29);
        Assert.All(rules, r => Assert.Matches("^Step[1-5]$", r.Tags.First()));
        Assert.All(rules, r => Assert.DoesNotContain("Workflow.Rules", r.Name));
    }
}
