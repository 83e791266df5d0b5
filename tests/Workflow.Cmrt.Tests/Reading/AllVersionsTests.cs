using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Tests.Support.Versions;
using Workflow.Cmrt.Writing;
using Workflow.Tests.Shared;

namespace Workflow.Cmrt.Tests.Reading;

/// <summary>
/// Every released CMRT from 2.00 to 6.5, generated in the physical form it was distributed in (issue 17 §3): read,
/// checked and mapped across versions by topic. 2.x, 3.x and 6.x are read by address; 4.x and 5.x by structure,
/// so for those the tests assert answers by topic and metal, and cells only as the writer placed them.
/// </summary>
public class AllVersionsTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    public static TheoryData<string> AllVersions() => new(GeneratedDeclarations.AllVersions);

    private static CmrtDeclaration Read(CmrtWorkbookSpec spec)
    {
        var result = CmrtReader.Read(new MemoryStream(VersionedWorkbooks.Write(spec)), GeneratedDeclarations.ReaderOptions);
        Assert.True(result.IsReadable, $"{spec.Version}: {result.UnreadableReason}");
        return result.Declaration!;
    }

    private static DeclarationEvaluation Evaluate(CmrtWorkbookSpec spec) =>
        DefaultPolicy.Evaluator(GeneratedDeclarations.ReaderOptions).Evaluate(new MemoryStream(VersionedWorkbooks.Write(spec)), AsOf);

    /// <summary>Question numbers per topic (cmrt-format.md §6, cross-version mapping).</summary>
    private static (int Covered, int Recycled, int Response, int Identified) QuestionsOf(int family) => family switch
    {
        2 => (2, 3, 4, 5),
        6 => (3, 5, 6, 7),
        _ => (3, 4, 5, 6),
    };

    /// <summary>Company question letters per topic (§7): 5.0 removed G, 6.0 removed C.</summary>
    private static (char DueDiligence, char Reviews, char CorrectiveAction, char Disclosure) LettersOf(int family) => family switch
    {
        5 => ('E', 'G', 'H', 'I'),
        6 => ('D', 'F', 'G', 'H'),
        _ => ('E', 'H', 'I', 'J'),
    };

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Read_CompleteDeclaration_ItsVersionInItsFormWithEveryTopicOfThatVersion(string version)
    {
        var facts = CmrtVersionCatalogue.Of(version);
        var bytes = VersionedWorkbooks.Write(GeneratedDeclarations.Complete(version));

        Assert.Equal(facts.Form == "xls" ? RecognisedKind.BiffWorkbook : RecognisedKind.OoxmlWorkbook, FileRecognition.Recognise(bytes).Kind);
        var d = Read(GeneratedDeclarations.Complete(version));
        Assert.Equal((version, facts.Family), (d.Version, d.Family));
        Assert.Equal($"Generated Components {version} Ltd", d.Company.Name);
        Assert.Equal(new DateOnly(2025, 1, 15), d.Company.EffectiveDate);
        foreach (var metal in Enum.GetValues<Metal>())
        {
            var m = d.For(metal);
            Assert.True(m.InScope, $"{version} {metal} in scope");
            Assert.Equal(Answer.No, m.CoveredCountrySourcing.Value);
            Assert.Equal(Answer.No, m.RecycledOrScrap.Value);
            Assert.Equal(new ResponseRate(100, true), m.ResponseRate);
            Assert.Equal(Answer.Yes, m.AllSmeltersIdentified.Value);
            // Questions some versions do not ask are absent, not blank.
            Assert.Equal(facts.Family == 6, m.CahraSourcing is not null);
            Assert.Equal(facts.Family != 2, m.RemainsInProduct is not null);
            Assert.Equal(facts.Family != 2, m.AllInformationReported is not null);
            Assert.Equal(facts.Family == 2, m.AllSmeltersCompliant is not null);
        }
        var q = d.CompanyQuestions;
        Assert.Equal(facts.Family != 6, q.RequiresSuppliersConflictFree is not null);
        Assert.Equal(facts.Family is 2 or 3 or 4, q.RequestsSmelterNames is not null);
        Assert.All(new[] { q.Policy, q.PolicyPublic, q.RequiresValidatedSmelters, q.DueDiligenceMeasures, q.SurveysSuppliers,
                           q.ReviewsSupplierInformation, q.CorrectiveAction, q.FilesDisclosure },
            a => Assert.Equal(Answer.Yes, a!.Value));
        Assert.Equal(GeneratedDeclarations.Smelters.Select(s => s.Cid).Order(), d.Smelters.Select(s => s.Cid).Order());
    }

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Read_DistinctAnswerPerTopic_EachTopicFromThatVersionsQuestion(string version)
    {
        var family = GeneratedDeclarations.FamilyOf(version);
        var (covered, recycled, response, identified) = QuestionsOf(family);
        var spec = GeneratedDeclarations.Complete(version);
        // Tantalum only, each topic with an answer no neighbouring question has, so a block read one off shows.
        var tantalum = GeneratedDeclarations.MetalAnswers(version, coveredCountry: true);
        tantalum[recycled - 1] = family == 2 ? "Uncertain or Unknown" : "Unknown";
        tantalum[response - 1] = family switch { 2 => "No but < 25%", 6 => "50% or less", _ => "No, but less than 25%" };
        tantalum[identified - 1] = "No";

        var m = Read(spec with { MetalAnswers = new Dictionary<Metal, string?[]>(spec.MetalAnswers) { [Metal.Tantalum] = tantalum } })
            .For(Metal.Tantalum);

        Assert.Equal((Answer.Yes, $"Q{covered}"), (m.CoveredCountrySourcing.Value, m.CoveredCountrySourcing.Question));
        Assert.Equal((Answer.Unknown, $"Q{recycled}"), (m.RecycledOrScrap.Value, m.RecycledOrScrap.Question));
        Assert.Equal((new ResponseRate(0, false), $"Q{response}"), (m.ResponseRate, m.SupplierResponse.Question));
        Assert.Equal((Answer.No, $"Q{identified}"), (m.AllSmeltersIdentified.Value, m.AllSmeltersIdentified.Question));
    }

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Read_CompanyAnswers_ByTopicAcrossTheLetterChanges(string version)
    {
        var family = GeneratedDeclarations.FamilyOf(version);
        var (dueDiligence, _, corrective, disclosure) = LettersOf(family);
        var spec = GeneratedDeclarations.Complete(version);
        var answers = spec.CompanyAnswers.ToArray();
        answers[dueDiligence - 'A'] = "No";
        answers[corrective - 'A'] = "No";

        var q = Read(spec with { CompanyAnswers = answers }).CompanyQuestions;

        Assert.Equal((Answer.No, dueDiligence.ToString()), (q.DueDiligenceMeasures!.Value, q.DueDiligenceMeasures.Question));
        Assert.Equal((Answer.No, corrective.ToString()), (q.CorrectiveAction!.Value, q.CorrectiveAction.Question));
        Assert.Equal((Answer.Yes, disclosure.ToString()), (q.FilesDisclosure!.Value, q.FilesDisclosure.Question));
        Assert.Equal(Answer.Yes, q.ReviewsSupplierInformation!.Value);
        Assert.Equal(Answer.Yes, q.Policy!.Value);
    }

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Evaluate_CompleteDeclaration_Accepted(string version)
    {
        var evaluation = Evaluate(GeneratedDeclarations.Complete(version));

        Assert.True(evaluation.Outcome == Outcome.Accepted,
            $"{version}: {evaluation.Outcome}: {string.Join("; ", evaluation.Findings.Where(f => f.Severity != FindingSeverity.Warning).Select(f => $"{f.Code} {f.Location} {f.Message}"))}");
    }

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Evaluate_CoveredCountrySourcingForTin_RedFlagOnTinsCoveredCountryAnswer(string version)
    {
        var family = GeneratedDeclarations.FamilyOf(version);

        var evaluation = Evaluate(GeneratedDeclarations.CoveredCountryTin(version));

        Assert.Equal(Outcome.RedFlag, evaluation.Outcome);
        var flag = Assert.Single(evaluation.Findings, f => f.Severity == FindingSeverity.RedFlag);
        // Verified layouts: the cell of the real templates. Unverified ones: the cell where the writer put tin's
        // answer to the covered-country question (the third block), wherever the reader found that block.
        var cell = family switch
        {
            2 => "D29",
            3 or 6 => "D39",
            _ => $"D{StructuralShape.LikeThreeX.AnswerRow(QuestionsOf(family).Covered - 1, Metal.Tin)}",
        };
        Assert.Equal($"Declaration!{cell}", flag.Location);
    }
}
