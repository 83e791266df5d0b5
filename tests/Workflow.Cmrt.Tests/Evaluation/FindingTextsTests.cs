using System.Reflection;
using Workflow.Cmrt.Checking;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Writing;
using Workflow.Tests.Shared;

namespace Workflow.Cmrt.Tests.Evaluation;

/// <summary>Every finding the checker can produce reads in each supplier language, with the values of the finding.</summary>
public class FindingTextsTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);
    private static readonly string[] Translated = FindingTexts.Languages.Where(l => l != "en").ToArray();

    /// <summary>The checker's codes, read from <see cref="FindingCodes"/>: a new constant without texts fails here.</summary>
    public static TheoryData<string> CheckerCodes()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(FindingCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            data.Add((string)field.GetRawConstantValue()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(CheckerCodes))]
    public void EveryCheckerCode_HasATextInAllSixLanguages(string code)
    {
        var entry = Assert.Contains(code, FindingTexts.Entries);
        Assert.Equal(FindingTexts.Languages.Order(), entry.Keys.Order());
        Assert.All(entry.Values, text => Assert.False(string.IsNullOrWhiteSpace(text)));
    }

    [Fact]
    public void EveryTranslation_UsesOnlyPlaceholdersOfItsEnglishText()
    {
        Assert.Equal(["de", "en", "es", "fr", "ja", "zh"], FindingTexts.Languages.Order());
        foreach (var (key, texts) in FindingTexts.Entries)
        {
            var english = FindingTexts.Placeholders(texts["en"]);
            foreach (var (language, text) in texts)
                Assert.True(FindingTexts.Placeholders(text).IsSubsetOf(english),
                    $"{key} ({language}) uses {string.Join(", ", FindingTexts.Placeholders(text).Except(english))}, which the English text does not have");
        }
    }

    /// <summary>Generated bad workbooks, one broken thing each (no third-party files).</summary>
    public static TheoryData<string, string> BrokenWorkbooks()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in new[] { "3.01", "6.5" })
            foreach (var name in Broken.Keys) data.Add(version, name);
        return data;
    }

    private static readonly Dictionary<string, Func<CmrtWorkbookSpec, CmrtWorkbookSpec>> Broken = new()
    {
        ["invalid (name, e-mail)"] = s => GeneratedDeclarations.Invalid(s.Version),
        ["scope missing"] = s => s with { Scope = null },
        ["scope not allowed"] = s => s with { Scope = "Z. Everything" },
        ["product scope without products"] = s => s with { Scope = "B. Product (or List of Products)" },
        ["contact and authorizer missing"] = s => s with { ContactName = null, ContactPhone = null, AuthorizerName = null, AuthorizerEmail = null, AuthorizerPhone = null },
        ["date missing"] = s => s with { EffectiveDate = null },
        ["date in the future"] = s => s with { EffectiveDate = new DateOnly(2030, 1, 1) },
        ["date before 2007"] = s => s with { EffectiveDate = new DateOnly(2005, 1, 1) },
        ["answers missing or not allowed"] = s => s with
        {
            MetalAnswers = new Dictionary<Metal, string?[]>(s.MetalAnswers) { [Metal.Tin] = [null, "Maybe", .. s.MetalAnswers[Metal.Tin][2..]] },
            CompanyAnswers = [null, .. s.CompanyAnswers[1..]],
            CompanyComments = [null, null],
        },
        ["no smelters"] = s => s with { Smelters = [] },
        ["smelter rows incomplete"] = s => s with
        {
            Smelters = [.. s.Smelters.Where(l => l.Metal != "Tungsten"),
                new SmelterLine("Tin", "Smelter not listed", null, null, null),
                new SmelterLine("Gold", "Smelter not yet identified", null, null, null),
                new SmelterLine("Tin", "Smelter not listed", "Nowhere Metals", "Peru", null)],
        },
        ["recycled and covered"] = s => s with
        {
            MetalAnswers = new Dictionary<Metal, string?[]>(s.MetalAnswers)
            {
                [Metal.Gold] = GeneratedDeclarations.MetalAnswers(s.Version, coveredCountry: true) is var a && GeneratedDeclarations.FamilyOf(s.Version) == 6
                    ? [a[0], a[1], a[2], a[3], "Yes", .. a[5..]] : [a[0], a[1], a[2], "Yes", .. a[4..]],
            },
        },
    };

    [Theory]
    [MemberData(nameof(BrokenWorkbooks))]
    public void FindingsOfGeneratedBadWorkbooks_AreTranslated_WithAllTheirValues(string version, string name)
    {
        var bytes = CmrtWorkbookWriter.Write(Broken[name](GeneratedDeclarations.Complete(version)));
        var evaluation = DefaultPolicy.Evaluator(GeneratedDeclarations.ReaderOptions).Evaluate(new MemoryStream(bytes), AsOf);
        var checker = evaluation.Findings.Where(f => f.Code.StartsWith("CMRT-", StringComparison.Ordinal) && !f.Code.StartsWith("CMRT-RED-FLAG", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(checker);
        foreach (var f in checker)
            foreach (var language in Translated)
            {
                var text = FindingTexts.Message(f, language);
                Assert.NotEqual(f.Message, text);
                Assert.DoesNotContain("{", text.Replace("{mail}", ""), StringComparison.Ordinal);
            }
    }

    [Fact]
    public void SmelterRowFinding_ReadsInChinese_WithThePlaceInPlainWords()
    {
        var spec = GeneratedDeclarations.Complete("6.5");
        var bytes = CmrtWorkbookWriter.Write(spec with { Smelters = [.. spec.Smelters, new SmelterLine("Tin", "Smelter not listed", null, null, null)] });
        var f = DefaultPolicy.Evaluator(GeneratedDeclarations.ReaderOptions).Evaluate(new MemoryStream(bytes), AsOf)
            .Findings.Single(f => f.Code == FindingCodes.SmelterNotListedIncomplete);
        var row = f.Location.Split('!')[1][1..];

        Assert.Equal($"Smelter List 第 {row} 行标记为 \"Smelter not listed\"：请填写冶炼厂名称（D 列）和国家（E 列）。", FindingTexts.Message(f, "zh"));
        Assert.Equal($"Smelter List 工作表，第 {row} 行", FindingTexts.Place(f.Location, "zh"));
        Assert.Equal($"hoja Smelter List, fila {row}", FindingTexts.Place(f.Location, "es-ES"));
        Assert.Equal($"Smelter List, row {row}", FindingTexts.Place(f.Location, "en"));
        Assert.Equal("Smelter List シート、5 行目", FindingTexts.Place("Smelter List!5:5", "ja"));
        Assert.Equal("onglet Declaration, cellule G77", FindingTexts.Place("Declaration!G77", "fr"));
    }

    [Fact]
    public void UnknownCodeOrOldFindingWithoutValues_FallsBackToTheEnglishMessage()
    {
        var unknown = new Finding("CMRT-SOMETHING-NEW", FindingSeverity.Warning, "Declaration!D8", "Something new.", "rule")
        {
            Arguments = new Dictionary<string, string> { ["cell"] = "D8" },
        };
        var stored = new Finding(FindingCodes.RequiredCompanyName, FindingSeverity.Error, "Declaration!D8", "Enter your company's legal name in Declaration cell D8.", "rule");
        var missingValue = stored with { Arguments = new Dictionary<string, string>() };

        Assert.Equal("Something new.", FindingTexts.Message(unknown, "ja"));
        Assert.Equal(stored.Message, FindingTexts.Message(stored, "fr"));
        Assert.Equal(stored.Message, FindingTexts.Message(missingValue, "es"));
        Assert.Equal("Declaration シートのセル D8 に貴社の正式名称を入力してください。",
            FindingTexts.Message(stored with { Arguments = new Dictionary<string, string> { ["cell"] = "D8" } }, "ja"));
    }
}
