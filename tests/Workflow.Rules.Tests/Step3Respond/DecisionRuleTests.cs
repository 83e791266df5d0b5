using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;
using Workflow.Rules.Step2IdentifyRisk;
using Workflow.Rules.Step3Respond;
using Workflow.Rules.Tests.Support;

namespace Workflow.Rules.Tests.Step3Respond;

public sealed class CheckerErrorRequestsCorrectionRuleTests() : RuleFixture(typeof(CheckerErrorRequestsCorrectionRule))
{
    [Fact]
    public void Fire_CheckerError_RequestsCorrectionAndOutcomeIsInvalid()
    {
        var result = Assess(DeclarationBuilder.Clean().Build(), checkerFindings: [CheckerError(), CheckerWarning()]);

        var decision = Assert.Single(result.Decisions);
        Assert.Equal(DecisionKinds.RequestCorrection, decision.Kind);
        Assert.Equal(nameof(CheckerErrorRequestsCorrectionRule), decision.Rule);
        Assert.Equal("default", decision.PolicyVersion);
        Assert.Contains("Company name is required", decision.Because);
        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Null(result.Determination);
    }

    [Fact]
    public void Fire_OnlyWarnings_DoesNotFire()
    {
        var result = Assess(DeclarationBuilder.Clean().Build(), checkerFindings: [CheckerWarning()]);

        Assert.Empty(result.Decisions);
        Assert.Equal(Outcome.Accepted, result.Outcome);
    }
}

public sealed class RedFlagSmelterInCompanyLevelDeclarationRequestsProductLevelCmrtRuleTests()
    : RuleFixture(typeof(RedFlagSmelterInCompanyLevelDeclarationRequestsProductLevelCmrtRule), typeof(CoveredCountrySmelterRaisesRedFlagRule))
{
    [Fact]
    public void Fire_CompanyLevelNamingCoveredCountrySmelter_RequestsProductLevelCmrt()
    {
        var result = Assess(DeclarationBuilder.Clean().Smelter(Metal.Tin, References.RwandaTin).Build());

        var decision = Assert.Single(result.Decisions);
        Assert.Equal(DecisionKinds.RequestProductLevelCmrt, decision.Kind);
        Assert.Contains(References.RwandaTin, decision.Because);
    }

    [Fact]
    public void Fire_ProductLevel_DoesNotFire()
    {
        var result = Assess(DeclarationBuilder.Clean().Scope(DeclarationScope.Product).Smelter(Metal.Tin, References.RwandaTin).Build());

        Assert.Empty(result.Decisions);
    }

    [Fact]
    public void Fire_DeclarationLevelRedFlagOnly_DoesNotFire()
    {
        var finding = RuleOutput.Flag(TestPolicies.Default, RedFlags.CoveredCountrySourcing, "x", 2, "Declaration!D39", "m", "b");
        var decisions = FireOver<Decision>(TestPolicies.Default,
            new DeclarationFact { Version = "6.5", Family = 6, Scope = DeclarationScope.Company }, finding);

        Assert.Empty(decisions);
    }
}

public sealed class RedFlagEscalatesRuleTests() : RuleFixture(typeof(RedFlagEscalatesRule))
{
    [Fact]
    public void Fire_AnyRedFlagFinding_EscalatesOnce()
    {
        var policy = TestPolicies.Default;
        var decisions = FireOver<Decision>(policy,
            RuleOutput.Flag(policy, RedFlags.CoveredCountrySourcing, "A", 2, "Declaration!D39", "m", "tin from the DRC"),
            RuleOutput.Flag(policy, RedFlags.SmelterInCoveredCountry, "B", 2, "Smelter List!7:7", "m", "smelter in Rwanda", "CID000004"));

        var decision = Assert.Single(decisions);
        Assert.Equal(DecisionKinds.Escalate, decision.Kind);
        Assert.Contains("2 red flags", decision.Because);
    }

    [Fact]
    public void Fire_OnlyWarnings_DoesNotFire()
    {
        var policy = TestPolicies.Default;
        var decisions = FireOver<Decision>(policy,
            RuleOutput.Flag(policy, RedFlags.SmelterNotYetIdentified, "A", 2, "Smelter List!5:5", "m", "b"));

        Assert.Empty(decisions);
    }
}

public sealed class TimingDecisionRuleTests() : RuleFixture(
    typeof(NoResponseAfterSecondRequestEscalatesRule), typeof(OverdueCorrectionEscalatesRule), typeof(UnresolvedEscalationRecommendsTerminationRule))
{
    private Workflow.Rules.Assessment.PolicyAssessor Assessor => new(Rules, TestPolicies.Default, References.List);

    [Fact]
    public void Decide_NoResponseFourteenDaysAfterSecondRequest_Escalates()
    {
        var timeline = new CaseTimeline { CaseId = "c1", SecondRequestSentOn = AsOf.AddDays(-14) };

        var decision = Assert.Single(Assessor.Decide(timeline, AsOf));

        Assert.Equal(DecisionKinds.Escalate, decision.Kind);
        Assert.Equal(nameof(NoResponseAfterSecondRequestEscalatesRule), decision.Rule);
        Assert.Contains("14 days", decision.Because);
    }

    [Fact]
    public void Decide_SecondRequestRecentOrAnswered_DoesNotEscalate()
    {
        Assert.Empty(Assessor.Decide(new CaseTimeline { CaseId = "c1", SecondRequestSentOn = AsOf.AddDays(-13) }, AsOf));
        Assert.Empty(Assessor.Decide(new CaseTimeline { CaseId = "c1", SecondRequestSentOn = AsOf.AddDays(-30), RespondedOn = AsOf.AddDays(-2) }, AsOf));
    }

    [Fact]
    public void Decide_CorrectionOverdue_Escalates()
    {
        var timeline = new CaseTimeline { CaseId = "c2", CorrectionRequestedOn = AsOf.AddDays(-31) };

        var decision = Assert.Single(Assessor.Decide(timeline, AsOf));

        Assert.Equal(nameof(OverdueCorrectionEscalatesRule), decision.Rule);
    }

    [Fact]
    public void Decide_CorrectionReceived_DoesNotEscalate()
    {
        var timeline = new CaseTimeline { CaseId = "c2", CorrectionRequestedOn = AsOf.AddDays(-40), CorrectedOn = AsOf.AddDays(-35) };

        Assert.Empty(Assessor.Decide(timeline, AsOf));
    }

    [Fact]
    public void Decide_EscalatedNinetyDaysAgoUnresolved_RecommendsTerminationOnly()
    {
        var timeline = new CaseTimeline
        {
            CaseId = "c3", SecondRequestSentOn = AsOf.AddDays(-200), EscalatedOn = AsOf.AddDays(-90),
        };

        var decision = Assert.Single(Assessor.Decide(timeline, AsOf));

        Assert.Equal(DecisionKinds.RecommendTermination, decision.Kind);
    }

    [Fact]
    public void Decide_EscalationResolvedOrRecent_DoesNotRecommendTermination()
    {
        Assert.Empty(Assessor.Decide(new CaseTimeline { CaseId = "c3", EscalatedOn = AsOf.AddDays(-89) }, AsOf));
        Assert.Empty(Assessor.Decide(new CaseTimeline { CaseId = "c3", EscalatedOn = AsOf.AddDays(-120), ResolvedOn = AsOf.AddDays(-10) }, AsOf));
    }

    [Fact]
    public void Decide_PolicyTimingApplies()
    {
        var policy = TestPolicies.Extending("escalation:\n  correctionDueDays: 7");
        var assessor = new Workflow.Rules.Assessment.PolicyAssessor(Rules, policy, References.List);

        Assert.Single(assessor.Decide(new CaseTimeline { CaseId = "c2", CorrectionRequestedOn = AsOf.AddDays(-7) }, AsOf));
    }
}
