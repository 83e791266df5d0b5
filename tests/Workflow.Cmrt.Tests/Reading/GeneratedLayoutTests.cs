using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Tests.Support;
using Workflow.Tests.Shared;

namespace Workflow.Cmrt.Tests.Reading;

/// <summary>
/// Every layout family the reader supports (2.x, 3.x, 6.x), in every physical form (.xlsx, BIFF8 .xls, .xlsx
/// encrypted with Excel's default password), generated here: the reader finds each answer where that version keeps
/// it, without any third-party file.
/// </summary>
public class GeneratedLayoutTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    public static TheoryData<string, string> VersionsAndForms()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in GeneratedDeclarations.Versions)
            foreach (var form in new[] { "xlsx", "xls", "encrypted" })
                data.Add(version, form);
        return data;
    }

    private static CmrtReadResult Read(byte[] bytes) => CmrtReader.Read(new MemoryStream(bytes), GeneratedDeclarations.ReaderOptions);

    private static DeclarationEvaluation Evaluate(byte[] bytes) =>
        DefaultPolicy.Evaluator(GeneratedDeclarations.ReaderOptions).Evaluate(new MemoryStream(bytes), AsOf);

    [Theory]
    [MemberData(nameof(VersionsAndForms))]
    public void Read_CompleteDeclaration_FindsEveryAnswerWhereItsVersionKeepsIt(string version, string form)
    {
        var bytes = WorkbookForms.InForm(GeneratedDeclarations.Complete(version), form);
        var result = Read(bytes);

        Assert.Equal(form switch { "xls" => RecognisedKind.BiffWorkbook, "encrypted" => RecognisedKind.EncryptedWorkbook, _ => RecognisedKind.OoxmlWorkbook },
            FileRecognition.Recognise(bytes).Kind);
        Assert.True(result.IsReadable, result.UnreadableReason);
        var d = result.Declaration!;
        Assert.Equal(version, d.Version);
        Assert.Equal(GeneratedDeclarations.FamilyOf(version), d.Family);
        Assert.Equal($"Generated Components {version} Ltd", d.Company.Name);
        Assert.Equal(DeclarationScope.Company, d.Scope);
        Assert.Equal("Jane Doe", d.Company.ContactName);
        Assert.Equal("jane.doe@generated.example", d.Company.ContactEmail);
        Assert.Equal(new DateOnly(2025, 1, 15), d.Company.EffectiveDate);
        // 2.x has one representative for both roles: the contact is also the authorizer.
        Assert.Equal(d.Family == 2 ? "Jane Doe" : "John Roe", d.Company.AuthorizerName);
        foreach (var metal in Enum.GetValues<Metal>())
        {
            Assert.True(d.For(metal).InScope, $"{metal} in scope");
            Assert.Equal(Answer.No, d.For(metal).CoveredCountrySourcing.Value);
            Assert.Equal(Answer.Yes, d.For(metal).AllSmeltersIdentified.Value);
        }
        Assert.Equal(Answer.Yes, d.CompanyQuestions.Policy!.Value);
        Assert.Equal(Answer.Yes, d.CompanyQuestions.ReviewsSupplierInformation!.Value);
        Assert.Equal(GeneratedDeclarations.Smelters.Select(s => s.Cid).Order(), d.Smelters.Select(s => s.Cid).Order());
    }

    [Theory]
    [MemberData(nameof(VersionsAndForms))]
    public void Evaluate_CompleteDeclaration_Accepted(string version, string form)
    {
        var evaluation = Evaluate(WorkbookForms.InForm(GeneratedDeclarations.Complete(version), form));

        Assert.True(evaluation.Outcome == Outcome.Accepted,
            $"{version} {form}: {evaluation.Outcome}: {string.Join("; ", evaluation.Findings.Where(f => f.Severity != FindingSeverity.Warning).Select(f => $"{f.Code} {f.Location} {f.Message}"))}");
    }

    [Theory]
    [InlineData("2.03a")]
    [InlineData("3.01")]
    [InlineData("6.5")]
    public void Evaluate_CoveredCountrySourcingForTin_RedFlagAtThatVersionsCell(string version)
    {
        var spec = GeneratedDeclarations.Complete(version);
        var answers = new Dictionary<Metal, string?[]>(spec.MetalAnswers) { [Metal.Tin] = GeneratedDeclarations.MetalAnswers(version, coveredCountry: true) };

        var evaluation = Evaluate(WorkbookForms.InForm(spec with { MetalAnswers = answers }, "xlsx"));

        Assert.Equal(Outcome.RedFlag, evaluation.Outcome);
        var row = version[0] switch { '2' => 29, '3' => 39, _ => 39 };
        Assert.Contains(evaluation.Findings, f => f.Severity == FindingSeverity.RedFlag && f.Location.Contains($"D{row}"));
    }

    [Theory]
    [InlineData("2.03a", "xls")]
    [InlineData("3.01", "encrypted")]
    [InlineData("6.5", "xlsx")]
    public void Evaluate_WithoutCompanyName_InvalidNamingDeclarationD8(string version, string form)
    {
        var evaluation = Evaluate(WorkbookForms.InForm(GeneratedDeclarations.Complete(version) with { CompanyName = null }, form));

        Assert.Equal(Outcome.Invalid, evaluation.Outcome);
        Assert.Contains(evaluation.Findings, f => f.Severity == FindingSeverity.Error && f.Location.Contains("D8"));
    }

    [Fact]
    public void Read_EncryptedWithAnotherPassword_ProtectedMessage()
    {
        var bytes = EncryptedWorkbook.From(Workflow.Cmrt.Writing.CmrtWorkbookWriter.Write(GeneratedDeclarations.Complete("6.5")), "not-the-default");

        var result = Read(bytes);

        Assert.False(result.IsReadable);
        Assert.Contains("password other than Excel's default", result.UnreadableReason);
    }
}
