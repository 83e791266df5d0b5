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
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private Workflow.Rules.Assessment.PolicyAssessor Assessor => new(Rules, TestPolicies.Default, References.List);

    [Fact]
    public void Decide_SecondRequestDeadlinePassedWithoutResponse_Escalates()
    {
        var timeline = new CaseTimeline { CaseId = "c1", SecondRequestSentAt = Now.AddDays(-14), SecondRequestDueAt = Now };

        var decision = Assert.Single(Assessor.Decide(timeline, Now));

        Assert.Equal(DecisionKinds.Escalate, decision.Kind);
        Assert.Equal(nameof(NoResponseAfterSecondRequestEscalatesRule), decision.Rule);
        Assert.Equal(TestPolicies.Default.Version, decision.PolicyVersion);
        Assert.Equal("no response to the second request of 2027-02-15 09:00 UTC by its deadline 2027-03-01 09:00 UTC", decision.Because);
    }

    [Fact]
    public void Decide_SecondRequestDeadlineAheadOrAnswered_DoesNotEscalate()
    {
        Assert.Empty(Assessor.Decide(new CaseTimeline { CaseId = "c1", SecondRequestSentAt = Now.AddDays(-13), SecondRequestDueAt = Now.AddMinutes(1) }, Now));
        Assert.Empty(Assessor.Decide(new CaseTimeline
        {
            CaseId = "c1", SecondRequestSentAt = Now.AddDays(-30), SecondRequestDueAt = Now.AddDays(-16), RespondedAt = Now.AddDays(-2),
        }, Now));
    }

    [Fact]
    public void Decide_ExtensionMovesTheDeadline()
    {
        // A manager extended the case to a date beyond the follow-up definition's 14 days: only that date counts.
        var extended = new CaseTimeline { CaseId = "c1", SecondRequestSentAt = Now.AddDays(-40), SecondRequestDueAt = Now.AddDays(5) };

        Assert.Empty(Assessor.Decide(extended, Now));
        Assert.Single(Assessor.Decide(extended, Now.AddDays(5)));
    }

    [Fact]
    public void Decide_CorrectionWindowClosed_Escalates()
    {
        var timeline = new CaseTimeline { CaseId = "c2", CorrectionRequestedAt = Now.AddDays(-21), CorrectionDueAt = Now.AddSeconds(-1) };

        var decision = Assert.Single(Assessor.Decide(timeline, Now));

        Assert.Equal(nameof(OverdueCorrectionEscalatesRule), decision.Rule);
        Assert.Contains("correction window closed 2027-03-01 08:59 UTC", decision.Because);
    }

    [Fact]
    public void Decide_CorrectionReceived_DoesNotEscalate()
    {
        var timeline = new CaseTimeline
        {
            CaseId = "c2", CorrectionRequestedAt = Now.AddDays(-40), CorrectedAt = Now.AddDays(-35), CorrectionDueAt = Now.AddDays(-19),
        };

        Assert.Empty(Assessor.Decide(timeline, Now));
    }

    [Fact]
    public void Decide_EscalationOpenPastItsDeadline_RecommendsTerminationOnly()
    {
        var timeline = new CaseTimeline
        {
            CaseId = "c3", SecondRequestSentAt = Now.AddDays(-200), SecondRequestDueAt = Now.AddDays(-186),
            EscalatedAt = Now.AddDays(-30), EscalationDueAt = Now,
        };

        var decision = Assert.Single(Assessor.Decide(timeline, Now));

        Assert.Equal(DecisionKinds.RecommendTermination, decision.Kind);
        Assert.Equal("escalated on 2027-01-30 09:00 UTC and still unresolved at its deadline 2027-03-01 09:00 UTC", decision.Because);
    }

    [Fact]
    public void Decide_EscalationResolvedOrWithinItsDeadline_DoesNotRecommendTermination()
    {
        Assert.Empty(Assessor.Decide(new CaseTimeline { CaseId = "c3", EscalatedAt = Now.AddDays(-29), EscalationDueAt = Now.AddDays(1) }, Now));
        Assert.Empty(Assessor.Decide(new CaseTimeline
        {
            CaseId = "c3", EscalatedAt = Now.AddDays(-120), EscalationDueAt = Now.AddDays(-90), ResolvedAt = Now.AddDays(-10),
        }, Now));
    }

    [Fact]
    public void Decide_NoDeadlineKnown_DecidesNothing()
    {
        Assert.Empty(Assessor.Decide(new CaseTimeline { CaseId = "c4", SecondRequestSentAt = Now.AddDays(-100) }, Now));
    }
}
