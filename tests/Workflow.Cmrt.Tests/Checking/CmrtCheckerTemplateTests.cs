using Workflow.Tests.Shared;
using Workflow.Cmrt.Checking;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Tests.Support;

namespace Workflow.Cmrt.Tests.Checking;

/// <summary>Each Checker rule of the 6.x templates (and the reviewer checks) on filled copies of the real RMI templates.</summary>
public class CmrtCheckerTemplateTests(FilledTemplateFixture _templates) : IClassFixture<FilledTemplateFixture>
{
    private static readonly Dictionary<string, (Action<TemplateFiller> Edit, string Code, string Location)> ErrorCases = new()
    {
        ["company name missing"] = (f => f.Declaration("D8", null), "CMRT-REQ-COMPANY-NAME", "Declaration!D8"),
        ["scope missing"] = (f => f.Declaration("D9", null), "CMRT-REQ-SCOPE", "Declaration!D9"),
        ["scope not allowed"] = (f => f.Declaration("D9", "D. Product Level"), "CMRT-SCOPE-NOT-ALLOWED", "Declaration!D9"),
        ["user-defined scope without description"] = (f => f.Declaration("D9", "C. User defined [Specify in 'Description of scope']"), "CMRT-REQ-SCOPE-DESCRIPTION", "Declaration!D10"),
        ["contact name missing"] = (f => f.Declaration("D15", null), "CMRT-REQ-CONTACT-NAME", "Declaration!D15"),
        ["contact email missing"] = (f => f.Declaration("D16", null), "CMRT-REQ-CONTACT-EMAIL", "Declaration!D16"),
        ["contact email without @"] = (f => f.Declaration("D16", "jane.doe.acme.example"), "CMRT-EMAIL-INVALID", "Declaration!D16"),
        ["contact phone missing"] = (f => f.Declaration("D17", null), "CMRT-REQ-CONTACT-PHONE", "Declaration!D17"),
        ["authorizer missing"] = (f => f.Declaration("D18", null), "CMRT-REQ-AUTHORIZER", "Declaration!D18"),
        ["authorizer email missing"] = (f => f.Declaration("D20", null), "CMRT-REQ-AUTHORIZER-EMAIL", "Declaration!D20"),
        ["authorizer email invalid"] = (f => f.Declaration("D20", "john roe@acme"), "CMRT-EMAIL-INVALID", "Declaration!D20"),
        ["effective date missing"] = (f => f.Declaration("D22", null), "CMRT-REQ-EFFECTIVE-DATE", "Declaration!D22"),
        ["effective date in future"] = (f => f.Declaration("D22", new DateOnly(2025, 7, 1)), "CMRT-DATE-IN-FUTURE", "Declaration!D22"),
        ["effective date before 2007"] = (f => f.Declaration("D22", new DateOnly(2006, 12, 31)), "CMRT-DATE-BEFORE-2007", "Declaration!D22"),
        ["effective date not a date"] = (f => f.Declaration("D22", "last spring"), "CMRT-DATE-INVALID", "Declaration!D22"),
        ["Q1 missing for tin"] = (f => f.Declaration("D27", null), "CMRT-REQ-METAL-ANSWER", "Declaration!D27"),
        ["Q2 missing for gold"] = (f => f.Declaration("D34", null), "CMRT-REQ-METAL-ANSWER", "Declaration!D34"),
        ["Q3 missing for tungsten"] = (f => f.Declaration("D41", null), "CMRT-REQ-METAL-ANSWER", "Declaration!D41"),
        ["Q4 missing for tantalum"] = (f => f.Declaration("D44", null), "CMRT-REQ-METAL-ANSWER", "Declaration!D44"),
        ["Q6 missing for tin"] = (f => f.Declaration("D57", null), "CMRT-REQ-METAL-ANSWER", "Declaration!D57"),
        ["Q8 missing for gold"] = (f => f.Declaration("D70", null), "CMRT-REQ-METAL-ANSWER", "Declaration!D70"),
        ["answer not allowed"] = (f => f.Declaration("D38", "Maybe"), "CMRT-ANSWER-NOT-ALLOWED", "Declaration!D38"),
        ["response rate from another version"] = (f => f.Declaration("D56", "Yes, 100%"), "CMRT-ANSWER-NOT-ALLOWED", "Declaration!D56"),
        ["company question A missing"] = (f => f.Declaration("D75", null), "CMRT-REQ-COMPANY-ANSWER", "Declaration!D75"),
        ["company question H missing"] = (f => f.Declaration("D89", null), "CMRT-REQ-COMPANY-ANSWER", "Declaration!D89"),
        ["policy public without URL"] = (f => f.Declaration("G77", null), "CMRT-POLICY-URL-MISSING", "Declaration!G77"),
        ["product scope without products"] = (f => f.Declaration("D9", "B. Product (or List of Products)"), "CMRT-PRODUCT-LIST-MISSING", "Product List!B6"),
        ["in-scope metal without smelter"] = (f => f.Smelter("B8", null).Smelter("C8", null), "CMRT-SMELTER-MISSING-FOR-METAL", "Smelter List"),
        ["smelter not listed without country"] = (f => f.Smelter("C8", "Smelter not listed").Smelter("D8", "Wolfram Works"), "CMRT-SMELTER-NOT-LISTED-INCOMPLETE", "Smelter List!E8"),
        ["smelter not listed without name"] = (f => f.Smelter("C8", "Smelter not listed").Smelter("E8", "CHINA"), "CMRT-SMELTER-NOT-LISTED-INCOMPLETE", "Smelter List!D8"),
        ["smelter row without metal"] = (f => f.Smelter("B9", null).Smelter("C9", "8853 S.p.A."), "CMRT-SMELTER-METAL-INVALID", "Smelter List!B9"),
    };

    public static TheoryData<string, string> ErrorCaseData()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in FilledTemplates.Versions)
            foreach (var name in ErrorCases.Keys) data.Add(version, name);
        return data;
    }

    [RealFilesTheory]
    [InlineData("6.01")]
    [InlineData("6.22")]
    [InlineData("6.5")]
    public void Evaluate_CompleteDeclaration_Accepted(string version)
    {
        var evaluation = Evaluate(_templates.Valid(version));

        Assert.Equal(Outcome.Accepted, evaluation.Outcome);
        Assert.DoesNotContain(evaluation.Findings, f => f.Severity != FindingSeverity.Warning);
        Assert.Equal("strong", evaluation.ProgramStrength);
    }

    [RealFilesTheory]
    [MemberData(nameof(ErrorCaseData))]
    public void Evaluate_CheckerRuleBroken_InvalidWithCodeAtLocation(string version, string caseName)
    {
        var (edit, code, location) = ErrorCases[caseName];

        var evaluation = Evaluate(_templates.With(version, edit));

        Assert.Equal(Outcome.Invalid, evaluation.Outcome);
        var errors = evaluation.Findings.Where(f => f.Severity == FindingSeverity.Error).ToList();
        Assert.Contains(errors, f => f.Code == code && f.Location == location);
        Assert.All(errors, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
    }

    [RealFilesTheory]
    [InlineData("6.01")]
    [InlineData("6.5")]
    public void Evaluate_ProductScopeWithProducts_Accepted(string version)
    {
        var path = _templates.With(version, f => f.Declaration("D9", "B. Product (or List of Products)").Product("B6", "ACME-100").Product("C6", "Widget"));

        var evaluation = Evaluate(path);

        Assert.Equal(Outcome.Accepted, evaluation.Outcome);
        Assert.Equal("ACME-100", Assert.Single(evaluation.Declaration!.Products).Number);
    }

    [RealFilesTheory]
    [InlineData("6.22")]
    [InlineData("6.5")]
    public void Evaluate_Q1NoForTin_TinOutOfScopeAndItsQuestionsNotRequired(string version)
    {
        var path = _templates.With(version, f =>
        {
            f.Declaration("D27", "No");
            foreach (var row in new[] { 33, 39, 45, 51, 57, 63, 69 }) f.Declaration($"D{row}", null);
        });

        var evaluation = Evaluate(path);

        Assert.Equal(Outcome.Accepted, evaluation.Outcome);
        Assert.DoesNotContain(Metal.Tin, evaluation.Declaration!.MetalsInScope);
        Assert.Contains(evaluation.Findings, f => f.Code == "CMRT-SMELTER-METAL-NOT-IN-SCOPE" && f.Severity == FindingSeverity.Warning);
    }

    [RealFilesFact]
    public void Evaluate_AllMetalsOutOfScope_CompanyQuestionsNotRequiredAndProgramNotApplicable()
    {
        var path = _templates.With("6.5", f =>
        {
            foreach (var row in new[] { 26, 27, 28, 29 }) f.Declaration($"D{row}", "No");
            foreach (var row in new[] { 75, 77, 79, 81, 83, 85, 87, 89 }) f.Declaration($"D{row}", null);
        });

        var evaluation = Evaluate(path);

        Assert.DoesNotContain(evaluation.Findings, f => f.Code == "CMRT-REQ-COMPANY-ANSWER");
        Assert.Equal("not-applicable", evaluation.ProgramStrength);
        Assert.Equal("no-3tg", evaluation.Determination);
    }

    [RealFilesTheory]
    [InlineData("6.01")]
    [InlineData("6.5")]
    public void Evaluate_CoveredCountrySourcingYes_RedFlag(string version)
    {
        var evaluation = Evaluate(_templates.With(version, f => f.Declaration("D40", "Yes")));

        Assert.Equal(Outcome.RedFlag, evaluation.Outcome);
        var flag = Assert.Single(evaluation.Findings, f => f.Severity == FindingSeverity.RedFlag);
        Assert.Equal(("CMRT-RED-FLAG-COVERED-COUNTRY-SOURCING", "Declaration!D40"), (flag.Code, flag.Location));
        Assert.Equal(("CoveredCountrySourcingRaisesRedFlagRule", "default"), (flag.Rule, flag.PolicyVersion));
    }

    [RealFilesFact]
    public void Evaluate_NotListedSmelterInCoveredCountry_RedFlag()
    {
        var path = _templates.With("6.5", f => f.Smelter("B9", "Gold").Smelter("C9", "Smelter not listed")
            .Smelter("D9", "Kivu Gold Refinery").Smelter("E9", "Congo, Democratic Republic of the"));

        var evaluation = Evaluate(path);

        Assert.Equal(Outcome.RedFlag, evaluation.Outcome);
        var flag = Assert.Single(evaluation.Findings, f => f.Code == "CMRT-RED-FLAG-COVERED-COUNTRY-SMELTER");
        Assert.Equal(("Smelter List!9:9", FindingSeverity.RedFlag), (flag.Location, flag.Severity));
        Assert.Equal(("CoveredCountrySmelterRaisesRedFlagRule", "default"), (flag.Rule, flag.PolicyVersion));
        Assert.Contains(evaluation.Smelters, s => s.Name == "Kivu Gold Refinery" && s.Status == "not-listed" && s.RedFlag);
    }

    [RealFilesFact]
    public void Evaluate_AnswersWithOddCaseSpacesAndPercentAsNumber_Accepted()
    {
        var path = _templates.With("6.5", f => f.Declaration("D26", " yes ").Declaration("D38", "NO").Declaration("D56", 1d)
            .Declaration("D83", "Yes, in conformance with IPC-1755 [e.g., CMRT]"));

        var evaluation = Evaluate(path);

        Assert.Equal(Outcome.Accepted, evaluation.Outcome);
        Assert.Equal(new ResponseRate(100, true), evaluation.Declaration!.For(Metal.Tantalum).ResponseRate);
    }

    [RealFilesFact]
    public void Evaluate_EffectiveDateAsText_Parsed()
    {
        var evaluation = Evaluate(_templates.With("6.5", f => f.Declaration("D22", "27-Jun-2014")));

        Assert.Equal(new DateOnly(2014, 6, 27), evaluation.Declaration!.Company.EffectiveDate);
        Assert.Equal(Outcome.Accepted, evaluation.Outcome);
    }

    [RealFilesFact]
    public void Read_LookupNameOnlyWithEmptyCachedFormulas_DerivesCidAndCountryFromLookupSheet()
    {
        var d = CmrtReader.Read(_templates.Valid("6.5")).Declaration!;

        var gold = Assert.Single(d.Smelters, s => s.Metal == Metal.Gold);
        Assert.Equal(("CID002763", "ITALY", "lookup-sheet"), (gold.Cid, gold.Country, gold.CidSource));
        Assert.Equal("Alpha Assembly Solutions Inc", Assert.Single(d.Smelters, s => s.Metal == Metal.Tin).Name);
    }

    [RealFilesFact]
    public void Read_CidTypedInInputColumnOnly_DerivesMetalNameAndCountry()
    {
        var d = CmrtReader.Read(_templates.With("6.5", f => f.Smelter("A9", "CID000004"))).Declaration!;

        var row = Assert.Single(d.Smelters, s => s.RowNumber == 9);
        Assert.Equal((Metal.Tungsten, "CID000004", "A.L.M.T. Corp.", "JAPAN"), (row.Metal, row.Cid, row.Name, row.Country));
    }

    [RealFilesFact]
    public void Evaluate_SmelterNotYetIdentified_WarningOnly()
    {
        var evaluation = Evaluate(_templates.With("6.5", f => f.Smelter("B9", "Gold").Smelter("C9", "Smelter not yet identified")));

        Assert.Equal(Outcome.Accepted, evaluation.Outcome);
        Assert.Contains(CmrtChecker.Check(evaluation.Declaration!, FilledTemplates.AsOf), f => f.Code == "CMRT-SMELTER-NOT-YET-IDENTIFIED" && f.Location == "Smelter List!C9");
        // The policy's warning for the row replaces the checker's, so the supplier reads about it once.
        var warning = Assert.Single(evaluation.Findings, f => f.Location is "Smelter List!C9" or "Smelter List!9:9");
        Assert.Equal(("CMRT-RED-FLAG-SMELTER-NOT-YET-IDENTIFIED", FindingSeverity.Warning, "default"), (warning.Code, warning.Severity, warning.PolicyVersion));
        Assert.Contains(evaluation.Smelters, s => s.Status == "not-yet-identified");
    }

    [RealFilesFact]
    public void Evaluate_UnknownSmelterName_WarningOnly()
    {
        var evaluation = Evaluate(_templates.With("6.5", f => f.Smelter("B9", "Tin").Smelter("C9", "Totally Unknown Tin Works")));

        Assert.Equal(Outcome.Accepted, evaluation.Outcome);
        Assert.Contains(CmrtChecker.Check(evaluation.Declaration!, FilledTemplates.AsOf), f => f.Code == "CMRT-SMELTER-UNMATCHED" && f.Location == "Smelter List!C9");
        var warning = Assert.Single(evaluation.Findings, f => f.Location is "Smelter List!C9" or "Smelter List!9:9");
        Assert.Equal(("CMRT-RED-FLAG-SMELTER-NOT-KNOWN", FindingSeverity.Warning, "UnknownSmelterRaisesFlagRule"), (warning.Code, warning.Severity, warning.Rule));
    }

    private static DeclarationEvaluation Evaluate(string path)
    {
        using var file = File.OpenRead(path);
        return DefaultPolicy.Evaluator().Evaluate(file, FilledTemplates.AsOf);
    }
}
