using Workflow.Application.YearOverYear;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Writing;
using Workflow.Tests.Shared;

namespace Workflow.IntegrationTests.YearOverYear;

/// <summary>The comparer on declarations read from generated workbooks of two template revisions (no database).</summary>
public class DeclarationComparisonTests
{
    public static readonly SmelterLine Epsilon = new("Gold", "Smelter not listed", "Epsilon Gold Refinery", "Peru", "CID000999");

    public static CmrtDeclaration Read(CmrtWorkbookSpec spec)
    {
        using var stream = new MemoryStream(CmrtWorkbookWriter.Write(spec));
        var read = CmrtReader.Read(stream, GeneratedDeclarations.ReaderOptions);
        return read.Declaration ?? throw new InvalidOperationException(read.UnreadableReason);
    }

    /// <summary>This year's 6.5 answer: Gamma Gold (CID000103) gone, Epsilon Gold added, tin now from covered countries.</summary>
    public static CmrtWorkbookSpec Changed(string version)
    {
        var spec = GeneratedDeclarations.CoveredCountryTin(version);
        return spec with { Smelters = [.. spec.Smelters.Where(s => s.SmelterId != "CID000103"), Epsilon] };
    }

    [Fact]
    public void Compare_SameAnswers631Against65_NoChange()
    {
        var changes = DeclarationComparison.Compare(Read(GeneratedDeclarations.Complete("6.31")), Read(GeneratedDeclarations.Complete("6.5")));

        Assert.Empty(changes.SmeltersAdded);
        Assert.Empty(changes.SmeltersRemoved);
        Assert.Empty(changes.AnswersChanged);
        Assert.Null(changes.ScopeChanged);
    }

    [Fact]
    public void Compare_631Against65_SmelterDroppedAndAddedAndAnswerChanged()
    {
        var changes = DeclarationComparison.Compare(Read(GeneratedDeclarations.Complete("6.31")), Read(Changed("6.5")));

        Assert.Equal([new SmelterChange("CID000999", "Epsilon Gold Refinery", "Gold")], changes.SmeltersAdded);
        Assert.Equal([new SmelterChange("CID000103", "Gamma Gold Refinery AG", "Gold")], changes.SmeltersRemoved);
        Assert.Equal([new AnswerChange("Q3", "Tin", "No", "Yes")], changes.AnswersChanged);
        Assert.Null(changes.ScopeChanged);
    }

    [Fact]
    public void Compare_301Against65_SameMeaningInOtherWordsIsNoChange_QuestionsMatchedAcrossNumbering()
    {
        // 3.01 answers "Yes, 100%" (its Q5) where 6.5 offers "100%" (its Q6), and plain "Yes" where 6.5 says
        // "Yes, with the SEC": the same meanings. Q4 (CAHRA) is asked only by 6.x: no change either.
        var same = DeclarationComparison.Compare(Read(GeneratedDeclarations.Complete("3.01")), Read(GeneratedDeclarations.Complete("6.5")));
        Assert.Empty(same.AnswersChanged);
        Assert.Empty(same.SmeltersAdded);
        Assert.Empty(same.SmeltersRemoved);

        // Covered countries is 3.01's Q3 and 6.5's Q3, but 2.x asked it as Q2: matched by meaning, named as this year numbers it.
        var changed = DeclarationComparison.Compare(Read(GeneratedDeclarations.Complete("2.03a")), Read(GeneratedDeclarations.CoveredCountryTin("6.5")));
        Assert.Equal([new AnswerChange("Q3", "Tin", "No", "Yes")], changed.AnswersChanged);
    }

    [Fact]
    public void Compare_ScopeAndCaseOrSpacing_ScopeReportedSpellingIgnored()
    {
        var before = GeneratedDeclarations.Complete("6.5");
        var answers = new Dictionary<Metal, string?[]>(before.MetalAnswers)
        {
            [Metal.Gold] = ["yes", " YES ", "no", "No", "No", "100%", "Yes", "Yes"],
        };
        var after = before with { Scope = "B. Product (or List of Products)", MetalAnswers = answers };

        var changes = DeclarationComparison.Compare(Read(before), Read(after));

        Assert.Equal(new ScopeChange("Company", "Product"), changes.ScopeChanged);
        Assert.Empty(changes.AnswersChanged);
    }

    [Fact]
    public void SmelterKey_WithoutCid_MetalAndNameLettersOnly()
    {
        Assert.Equal("CID000101", DeclarationComparison.SmelterKey(" cid000101 ", "Anything", "Tin"));
        Assert.Equal(DeclarationComparison.SmelterKey(null, "Zeta Smelting Co.", "Gold"), DeclarationComparison.SmelterKey(null, "ZETA SMELTING CO", "gold"));
        Assert.NotEqual(DeclarationComparison.SmelterKey(null, "Zeta Smelting", "Gold"), DeclarationComparison.SmelterKey(null, "Zeta Smelting", "Tin"));
        Assert.Null(DeclarationComparison.SmelterKey(null, " ", "Gold"));
    }
}
