using Workflow.Tests.Shared;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Tests.Support;

namespace Workflow.Cmrt.Tests.Evaluation;

public class SampleOutcomeTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    [RealFilesTheory]
    [InlineData("2.03a/green.xlsx", Outcome.Accepted)]
    [InlineData("2.03a/high_risk.xlsx", Outcome.RedFlag)]
    [InlineData("2.03a/validation_needed.xlsx", Outcome.Invalid)]
    [InlineData("2.03a/empty-encrypted.xlsx", Outcome.Invalid)]
    [InlineData("3.01/green.xlsx", Outcome.Accepted)]
    [InlineData("3.01/high_risk.xlsx", Outcome.RedFlag)]
    [InlineData("3.01/validation_needed.xlsx", Outcome.Invalid)]
    [InlineData("3.01/empty-encrypted.xls", Outcome.Invalid)]
    public void Evaluate_DdmSample_GetsTheOutcomeItsNameSays(string sample, Outcome expected)
    {
        var evaluator = DefaultPolicy.Evaluator(ReferenceLists.WithCfsiEra);
        using var file = File.OpenRead(SharedData.Cmrt("ddm/" + sample));

        var evaluation = evaluator.Evaluate(file, AsOf);

        Assert.Equal(expected, evaluation.Outcome);
    }

    [RealFilesTheory]
    [InlineData("2.03a/green.xlsx", Outcome.Accepted)]
    [InlineData("3.01/high_risk.xlsx", Outcome.RedFlag)]
    [InlineData("3.01/empty-encrypted.xls", Outcome.Invalid)]
    public void Evaluate_WithoutReferenceList_OutcomeUnchanged(string sample, Outcome expected)
    {
        using var file = File.OpenRead(SharedData.Cmrt("ddm/" + sample));

        var evaluation = DefaultPolicy.Evaluator().Evaluate(file, AsOf);

        Assert.Equal(expected, evaluation.Outcome);
    }

    [RealFilesFact]
    public void Evaluate_HighRisk301_RedFlagsEveryCoveredCountryYesAnswer()
    {
        using var file = File.OpenRead(SharedData.Sample("3.01", "high_risk.xlsx"));

        var evaluation = DefaultPolicy.Evaluator().Evaluate(file, AsOf);

        var flags = evaluation.Findings.Where(f => f.Severity == FindingSeverity.RedFlag).ToList();
        Assert.Equal(["Declaration!D38", "Declaration!D39", "Declaration!D40", "Declaration!D41"], flags.Select(f => f.Location));
        Assert.All(flags, f => Assert.Equal(("CMRT-RED-FLAG-COVERED-COUNTRY-SOURCING", "CoveredCountrySourcingRaisesRedFlagRule", "default"),
            (f.Code, f.Rule, f.PolicyVersion)));
        Assert.Equal("escalate", Assert.Single(evaluation.Decisions).Kind);
    }

    [RealFilesFact]
    public void Evaluate_HighRisk203a_RedFlagOnlyForTantalum()
    {
        using var file = File.OpenRead(SharedData.Sample("2.03a", "high_risk.xlsx"));

        var evaluation = DefaultPolicy.Evaluator().Evaluate(file, AsOf);

        var flag = Assert.Single(evaluation.Findings, f => f.Severity == FindingSeverity.RedFlag);
        Assert.Equal("Declaration!D28", flag.Location);
    }

    [RealFilesTheory]
    [InlineData("2.03a")]
    [InlineData("3.01")]
    public void Evaluate_ValidationNeeded_ReportsMissingCompanyNameAndScope(string version)
    {
        using var file = File.OpenRead(SharedData.Sample(version, "validation_needed.xlsx"));

        var evaluation = DefaultPolicy.Evaluator().Evaluate(file, AsOf);

        var errors = evaluation.Findings.Where(f => f.Severity == FindingSeverity.Error).Select(f => (f.Code, f.Location)).ToList();
        Assert.Equal([("CMRT-REQ-COMPANY-NAME", "Declaration!D8"), ("CMRT-REQ-SCOPE", "Declaration!D9")], errors);
    }

    [RealFilesFact]
    public void Evaluate_Green301_ProgramStrongAndDeterminationRecycled()
    {
        using var file = File.OpenRead(SharedData.Sample("3.01", "green.xlsx"));

        var evaluation = DefaultPolicy.Evaluator().Evaluate(file, AsOf);

        Assert.Equal("strong", evaluation.ProgramStrength);
        Assert.Equal("recycled-or-scrap", evaluation.Determination);
        Assert.Equal(4, evaluation.Smelters.Count);
        Assert.Equal("default", evaluation.PolicyVersion);
    }

    [RealFilesTheory]
    [InlineData("ddm/2.03a/empty-encrypted.xlsx")]
    [InlineData("ddm/3.01/empty-encrypted.xls")]
    [InlineData("rmi-templates/RMI_CMRT_6.01.xlsx")]
    [InlineData("rmi-templates/RMI_CMRT_6.22.xlsx")]
    [InlineData("rmi-templates/RMI_CMRT_6.5.xlsx")]
    public void Evaluate_UntouchedTemplate_NothingDeclaredAndOneEmptyTemplateFinding(string sample)
    {
        using var file = File.OpenRead(SharedData.Cmrt(sample));

        var evaluation = DefaultPolicy.Evaluator().Evaluate(file, AsOf);

        Assert.Equal(Outcome.Invalid, evaluation.Outcome);
        var finding = Assert.Single(evaluation.Findings);
        Assert.Equal(("CMRT-EMPTY-TEMPLATE", FindingSeverity.Error), (finding.Code, finding.Severity));
        Assert.Contains("empty template", finding.Message);
        Assert.True(evaluation.Declaration!.IsEmptyTemplate);
        Assert.Empty(evaluation.Declaration.MetalsInScope);
        Assert.Empty(evaluation.Declaration.Smelters);
        Assert.Empty(evaluation.Smelters);
        Assert.Equal("not-applicable", evaluation.ProgramStrength);
    }
}
