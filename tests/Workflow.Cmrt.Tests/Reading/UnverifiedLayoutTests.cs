using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Reference;
using Workflow.Cmrt.Tests.Support.Versions;
using Workflow.Cmrt.Writing;
using Workflow.Tests.Shared;

namespace Workflow.Cmrt.Tests.Reading;

/// <summary>
/// 4.x and 5.x were never seen as real workbooks: the writer of these tests and the reader's structural probe both
/// work from the same second-hand description, so here the blocks are moved, the header and labels changed, and
/// shapes that do not fit are offered, to show that answers are found by structure and misfits are refused rather
/// than misread.
/// </summary>
public class UnverifiedLayoutTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    public static TheoryData<string> UnverifiedVersions() =>
        new(GeneratedDeclarations.AllVersions.Where(v => GeneratedDeclarations.FamilyOf(v) is 4 or 5));

    /// <summary>Three more rows before question 1, two empty rows between blocks, a translated header and labels.</summary>
    private static readonly StructuralShape Shifted = new()
    {
        FirstQuestionRow = 28,
        BlankRowsAfterBlock = 2,
        AnswerHeader = "回答",
        MetalLabels = ["钽(*)", "锡(*)", "金(*)", "钨(*)"],
    };

    private static CmrtReadResult Read(CmrtWorkbookSpec spec, StructuralShape? shape = null) =>
        CmrtReader.Read(new MemoryStream(VersionedWorkbooks.Write(spec, shape)), GeneratedDeclarations.ReaderOptions);

    private static DeclarationEvaluation Evaluate(CmrtWorkbookSpec spec, StructuralShape shape) =>
        DefaultPolicy.Evaluator(GeneratedDeclarations.ReaderOptions).Evaluate(new MemoryStream(VersionedWorkbooks.Write(spec, shape)), AsOf);

    /// <summary>Each metal a different pattern: a block or metal row read one off gives another answer.</summary>
    private static CmrtWorkbookSpec Patterned(string version) => GeneratedDeclarations.Complete(version) with
    {
        MetalAnswers = new Dictionary<Metal, string?[]>
        {
            [Metal.Tantalum] = ["Yes", "Yes", "No", "Unknown", "Yes, 100%", "No", "Yes"],
            [Metal.Tin] = ["Yes", "Yes", "Yes", "No", "No, but greater than 75%", "Yes", "Unknown"],
            [Metal.Gold] = ["Yes", "No", "Unknown", "No", "No, but greater than 50%", "Yes", "No"],
            [Metal.Tungsten] = ["No", "No", null, null, null, null, null],
        },
    };

    [Theory]
    [MemberData(nameof(UnverifiedVersions))]
    public void Read_BlocksMovedAndHeaderTranslated_EachAnswerStillByTopicAndMetal(string version)
    {
        var result = Read(Patterned(version), Shifted);

        Assert.True(result.IsReadable, result.UnreadableReason);
        var d = result.Declaration!;
        Assert.Equal(
            [(Answer.No, Answer.Unknown, 100, Answer.No, Answer.Yes), (Answer.Yes, Answer.No, 75, Answer.Yes, Answer.Unknown),
             (Answer.Unknown, Answer.No, 50, Answer.Yes, Answer.No), (Answer.Blank, Answer.Blank, -1, Answer.Blank, Answer.Blank)],
            Enum.GetValues<Metal>().Select(m => d.For(m)).Select(m => (m.CoveredCountrySourcing.Value, m.RecycledOrScrap.Value,
                m.ResponseRate?.LowerBoundPercent ?? -1, m.AllSmeltersIdentified.Value, m.AllInformationReported!.Value)));
        // Q1 and Q2 No for tungsten: out of scope under the 3.x rule; gold (Q2 No, Q1 Yes) stays in scope.
        Assert.Equal([Metal.Tantalum, Metal.Tin, Metal.Gold], d.MetalsInScope);
        Assert.Equal($"Declaration!D{Shifted.AnswerRow(2, Metal.Tin)}", d.For(Metal.Tin).CoveredCountrySourcing.Location);
        Assert.Equal(Answer.Yes, d.CompanyQuestions.FilesDisclosure!.Value);
    }

    [Theory]
    [MemberData(nameof(UnverifiedVersions))]
    public void Evaluate_CoveredCountryTinInMovedLayout_RedFlagOnTinsAnswerInTheCoveredCountryBlock(string version)
    {
        var evaluation = Evaluate(GeneratedDeclarations.CoveredCountryTin(version), Shifted);

        Assert.Equal(Outcome.RedFlag, evaluation.Outcome);
        var flag = Assert.Single(evaluation.Findings, f => f.Severity == FindingSeverity.RedFlag);
        Assert.Equal($"Declaration!D{Shifted.AnswerRow(2, Metal.Tin)}", flag.Location);
    }

    /// <summary>
    /// 5.0 reworded question 5 and company questions F and I towards what 6.0 kept; whether their drop-downs changed
    /// is not known, so a 5.x answer in either the 3.x or the 6.x words is read, and the declaration is accepted.
    /// </summary>
    [Theory]
    [InlineData("5.00")]
    [InlineData("5.12")]
    public void Evaluate_Version5AnsweredInThe6xWords_ReadAndAccepted(string version)
    {
        var spec = GeneratedDeclarations.Complete(version);
        var company = spec.CompanyAnswers.ToArray();
        company['F' - 'A'] = "Yes, in conformance with IPC1755 (e.g., CMRT)";
        company['I' - 'A'] = "Yes, with the SEC";
        spec = spec with
        {
            CompanyAnswers = company,
            MetalAnswers = Enum.GetValues<Metal>().ToDictionary(m => m, _ => new string?[] { "Yes", "Yes", "No", "No", "Greater than 90%", "Yes", "Yes" }),
        };

        var result = Read(spec);
        var evaluation = DefaultPolicy.Evaluator(GeneratedDeclarations.ReaderOptions).Evaluate(new MemoryStream(VersionedWorkbooks.Write(spec)), AsOf);

        Assert.True(result.IsReadable, result.UnreadableReason);
        var d = result.Declaration!;
        Assert.Equal(new ResponseRate(90, false), d.For(Metal.Gold).ResponseRate);
        Assert.Equal(Answer.Yes, d.CompanyQuestions.SurveysSuppliers!.Value);
        Assert.Equal(Answer.Yes, d.CompanyQuestions.FilesDisclosure!.Value);
        Assert.DoesNotContain(evaluation.Findings, f => f.Severity == FindingSeverity.Error);
    }

    public static TheoryData<string, string, string> Misfits() => new()
    {
        // A CAHRA block as in 6.x: eight per-metal blocks, one of which the reader would otherwise take for another.
        { "4.20", "eight blocks", "8 per-metal question blocks instead of 7" },
        // 3.x's ten company questions in a 5.x, which has nine: the letters would be shifted.
        { "5.01", "ten company questions", "10 company questions instead of 9" },
        // 5.x's nine company questions in a 4.x, which has ten.
        { "4.10", "nine company questions", "9 company questions instead of 10" },
        // Each block headed differently: no repeated header, no blocks.
        { "5.12", "no repeated header", "question blocks were not found" },
        // An answer no template offers in a block: its row is not an answer row.
        { "4.01", "unknown answer", "not a known answer" },
    };

    [Theory]
    [MemberData(nameof(Misfits))]
    public void Read_StructureDoesNotFit_UnsupportedLayoutNotMisread(string version, string misfit, string expected)
    {
        var facts = CmrtVersionCatalogue.Of(version);
        var spec = GeneratedDeclarations.Complete(version);
        var shape = StructuralShape.LikeThreeX;
        CmrtReadResult? result = null;
        switch (misfit)
        {
            case "eight blocks":
                shape = shape with { MetalQuestionTexts = [.. facts.MetalQuestionTexts.Take(3), "Do any of the smelters in your supply chain source the 3TG from conflict-affected and high-risk areas?", .. facts.MetalQuestionTexts.Skip(3)] };
                break;
            case "ten company questions":
                shape = shape with { CompanyQuestionTexts = CmrtVersionCatalogue.Of("4.20").CompanyQuestionTexts };
                spec = spec with { CompanyAnswers = GeneratedDeclarations.CompanyAnswers("4.20") };
                break;
            case "nine company questions":
                shape = shape with { CompanyQuestionTexts = CmrtVersionCatalogue.Of("5.00").CompanyQuestionTexts };
                spec = spec with { CompanyAnswers = GeneratedDeclarations.CompanyAnswers("5.00") };
                break;
            case "no repeated header":
                result = CmrtReader.Read(new MemoryStream(WithoutRepeatedHeader(spec)), GeneratedDeclarations.ReaderOptions);
                break;
            case "unknown answer":
                spec = spec with { MetalAnswers = new Dictionary<Metal, string?[]>(spec.MetalAnswers) { [Metal.Gold] = ["Yes", "Yes", "No", "Perhaps", "Yes, 100%", "Yes", "Yes"] } };
                break;
        }

        result ??= Read(spec, shape);

        Assert.False(result.IsReadable, $"{version} was read although its structure does not fit");
        Assert.StartsWith("Unsupported layout", result.UnreadableReason);
        Assert.Contains(expected, result.UnreadableReason);
        Assert.Equal(version, result.Version);
    }

    /// <summary>The 5.x workbook with each block's header numbered ("Answer 1", "Answer 2", …) instead of repeated.</summary>
    private static byte[] WithoutRepeatedHeader(CmrtWorkbookSpec spec)
    {
        var book = StructuralCmrtWriter.Build(spec with { RevisionText = CmrtVersionCatalogue.Of(spec.Version).RevisionText },
            CmrtVersionCatalogue.Of(spec.Version), StructuralShape.LikeThreeX);
        var d = book.Sheet("Declaration");
        for (var q = 0; q <= 7; q++) d.Set(StructuralShape.LikeThreeX.BlockRow(q) + (q == 7 ? 1 : 0), 4, $"Answer {q + 1}");
        return book.ToBytes();
    }

    [Theory]
    [InlineData("4.10")]
    [InlineData("5.12")]
    public void Read_SmelterChosenByNameOnly_IdentifiedFromTheWorkbooksOwnReferenceTab(string version)
    {
        // No reference list and no ID in the Smelter List: only the workbook's own tab ("Smelter Reference List" in 4.x,
        // "Smelter Look-up" from 5.0) can say which smelter the name means.
        var spec = GeneratedDeclarations.Complete(version) with
        {
            Smelters = GeneratedDeclarations.Smelters.Select(s => new SmelterLine(s.Metal.ToString(), s.StandardName, null, null, null, null)).ToList(),
        };

        var result = CmrtReader.Read(new MemoryStream(VersionedWorkbooks.Write(spec)), CmrtReaderOptions.Default with { ReferenceList = SmelterReferenceList.Empty });

        Assert.True(result.IsReadable, result.UnreadableReason);
        Assert.Equal(GeneratedDeclarations.Smelters.Select(s => s.Cid).Order(), result.Declaration!.Smelters.Select(s => s.Cid).Order());
        Assert.All(result.Declaration.Smelters, s => Assert.Equal("lookup-sheet", s.CidSource));
    }
}
