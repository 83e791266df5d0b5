using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Rules.Step1ManagementSystems;
using Workflow.Rules.Tests.Support;

namespace Workflow.Rules.Tests.Step1ManagementSystems;

public sealed class StrongProgramRuleTests() : RuleFixture(typeof(StrongProgramRule))
{
    [Fact]
    public void Fire_YesToPolicyDueDiligenceReviewAndCorrectiveAction_IsStrong()
    {
        var assessment = Explain(DeclarationBuilder.Clean().Build());

        Assert.Equal("strong", assessment.Evaluation.ProgramStrength);
        Assert.Equal(nameof(StrongProgramRule), assessment.ProgramStrength!.Rule);
        Assert.Empty(assessment.Evaluation.Findings);
        Assert.Equal(Outcome.Accepted, assessment.Evaluation.Outcome);
    }

    [Fact]
    public void Fire_OldVersionLettersMappedByTheReader_IsStrong()
    {
        // The seed's letters A, E, H, I in 2.x: the reader maps letters to meanings, so the rule is version-blind.
        var declaration = DeclarationBuilder.Clean().Version("2.03a", 2)
            .Company(_ => new CompanyAnswers
            {
                Policy = DeclarationBuilder.Cell("Yes", "Declaration!D59"),
                DueDiligenceMeasures = DeclarationBuilder.Cell("Yes", "Declaration!D67"),
                ReviewsSupplierInformation = DeclarationBuilder.Cell("Yes (documentation review only)", "Declaration!D73"),
                CorrectiveAction = DeclarationBuilder.Cell("Yes", "Declaration!D75"),
            }).Build();

        Assert.Equal("strong", Assess(declaration).ProgramStrength);
    }

    [Fact]
    public void Fire_NoMetalInScope_IsNotApplicable()
    {
        Assert.Equal("not-applicable", Assess(DeclarationBuilder.Clean().NoneInScope().Build()).ProgramStrength);
    }
}

public sealed class WeakProgramRuleTests() : RuleFixture(typeof(WeakProgramRule))
{
    [Fact]
    public void Fire_NoCorrectiveAction_IsWeakButOutcomeUnchanged()
    {
        var declaration = DeclarationBuilder.Clean()
            .Company(c => c with { CorrectiveAction = DeclarationBuilder.Cell("No", "Declaration!D87") }).Build();

        var assessment = Explain(declaration);

        Assert.Equal("weak", assessment.Evaluation.ProgramStrength);
        Assert.Contains("correctiveAction", assessment.ProgramStrength!.Because);
        Assert.Empty(assessment.Evaluation.Findings);
        Assert.Equal(Outcome.Accepted, assessment.Evaluation.Outcome);
    }

    [Fact]
    public void Fire_CriterionTheVersionDoesNotAsk_IsWeak()
    {
        var policy = TestPolicies.Extending("strongProgramCriteria: [policy, requestsSmelterNames]");

        Assert.Equal("weak", Assess(DeclarationBuilder.Clean().Build(), policy).ProgramStrength);
    }

    [Fact]
    public void Fire_AllCriteriaYes_DoesNotFire()
    {
        Assert.Equal("not-applicable", Assess(DeclarationBuilder.Clean().Build()).ProgramStrength);
    }
}
