using Workflow.Cmrt.Checking;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Tests.Support;
using Workflow.Cmrt.Writing;
using Workflow.Tests.Shared;

namespace Workflow.Cmrt.Tests.Reading;

/// <summary>
/// What the template itself carries is not what the supplier declared: the translation table, helper lists and
/// filler below the Smelter List's data area (2.00–2.02), an untouched template, and a stray sample row for a metal
/// the declaration puts out of scope.
/// </summary>
public class TemplateContentTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    private static readonly string[] Languages = ["English", "Chinese", "Japanese", "Korean", "French", "Portugese", "German", "Spanish", "Italian"];

    private static readonly string[][] LabelTranslations =
    [
        ["Metal (*)", "金属(*)", "金属 (*)", "금속 (*)", "Métal (*)", "Metal (*)", "Metall (*)", "Metal(*)", "Metalli (*)"],
        ["Smelter Reference List (*)", "冶炼厂参考清单(*)", "製錬業者参照表(*)", "제련소 참조 리스트(*)", "Liste des fonderies référencées(*)",
         "Lista de fundição de Referência (*)", "Schmelzhütten-Referenz-Liste(*)", "Lista de referencia de fundidores(*)", "Lista dei riferimenti della fonderia"],
        ["Smelter Facility Location: Country (*)", "冶炼工厂地址（国家） (*)", "製錬施設所在地：国(*)", "제련소 위치: 국가 (*)", "Localisation de la fonderie : Pays (*)",
         "Local da Unidade de Fundição: País (*)", "Schmelzhütten-Standort: Land (*)", "Localizacion de la fabrica de fundicion: Pais (*)", "Localizzazione della Fonderia: Paese (*)"],
    ];

    /// <summary>
    /// The blocks a 2.0x Smelter List keeps under its data area, in the blank template's order: optionally the
    /// copyright line, a filler cell, the row of language names, each column label in every language, then helper
    /// lists (look-up names, countries) in columns G–I.
    /// </summary>
    private static byte[] WithTemplateBlocks(CmrtWorkbookSpec spec, int firstRow, bool copyright, bool filler, string form)
    {
        var book = CmrtWorkbookWriter.Build(spec);
        var sheet = book.Sheet("Smelter List");
        var row = firstRow;
        if (copyright) sheet.Set(row++, 2, "© 2011 Electronic Industry Citizenship Coalition, Incorporated and Global e-Sustainability Initiative. All rights reserved.");
        if (filler) sheet.Set(row++, 14, new string('A', 49));
        for (var i = 0; i < Languages.Length; i++) sheet.Set(row, 4 + i, Languages[i]);
        row++;
        foreach (var label in LabelTranslations)
        {
            for (var i = 0; i < label.Length; i++) sheet.Set(row, 4 + i, label[i]);
            row++;
        }
        row += 10;
        string[] helperNames = ["Aida Chemical Industries Co. Ltd.", "Allgemeine Gold- & Silberscheideanstalt", "Alpha Metals", "Cabot Supermetals"];
        foreach (var name in helperNames)
        {
            sheet.Set(row, 7, name).Set(row, 8, "JAPAN").Set(row, 9, name.Split(' ')[0]);
            row++;
        }
        return form == "xls" ? BiffWorkbook.From(book) : book.ToBytes();
    }

    private static CmrtReadResult Read(byte[] bytes) => CmrtReader.Read(new MemoryStream(bytes), GeneratedDeclarations.ReaderOptions);

    private static DeclarationEvaluation Evaluate(CmrtWorkbookSpec spec) =>
        DefaultPolicy.Evaluator(GeneratedDeclarations.ReaderOptions).Evaluate(new MemoryStream(CmrtWorkbookWriter.Write(spec)), AsOf);

    [Theory]
    [InlineData("2.00", 1002, true, true, "xlsx")]   // 2.00/2.01: copyright line, filler, translations
    [InlineData("2.01", 1002, true, true, "xls")]
    [InlineData("2.02", 2506, false, true, "xlsx")]  // 2.02: no copyright line in the list, filler first
    [InlineData("2.02", 2507, false, false, "xls")]  // a copy whose filler row was deleted: the languages alone end the list
    [InlineData("3.01", 2505, false, false, "xlsx")]
    [InlineData("6.5", 2505, false, true, "xlsx")]
    public void Read_TemplateBlocksBelowTheData_OnlyTheSuppliersRowsAreSmelters(string version, int firstRow, bool copyright, bool filler, string form)
    {
        var spec = GeneratedDeclarations.Complete(version);

        var result = Read(WithTemplateBlocks(spec, firstRow, copyright, filler, form));

        Assert.True(result.IsReadable, result.UnreadableReason);
        var smelters = result.Declaration!.Smelters;
        Assert.Equal(GeneratedDeclarations.Smelters.Select(s => s.Cid).Order(), smelters.Select(s => s.Cid).Order());
        Assert.All(smelters, s => Assert.NotNull(s.Metal));
    }

    [Fact]
    public void Evaluate_TemplateBlocksBelowTheData_AcceptedWithoutRowFindings()
    {
        var bytes = WithTemplateBlocks(GeneratedDeclarations.Complete("2.02"), 2506, false, true, "xlsx");

        var evaluation = DefaultPolicy.Evaluator(GeneratedDeclarations.ReaderOptions).Evaluate(new MemoryStream(bytes), AsOf);

        Assert.Equal(Outcome.Accepted, evaluation.Outcome);
        Assert.DoesNotContain(evaluation.Findings, f => f.Location.StartsWith("Smelter List!", StringComparison.Ordinal));
        Assert.Equal(4, evaluation.Smelters.Count);
    }

    [Fact]
    public void Read_SupplierRowsMentioningLanguagesOrRepeatedLetters_AreKept()
    {
        var spec = GeneratedDeclarations.Complete("6.5");
        var book = CmrtWorkbookWriter.Build(spec);
        // A supplier's own words in the comment and name columns look like neither block: one language, short runs.
        book.Sheet("Smelter List").Set(6, 17, "German").Set(7, 17, "English-speaking contact; Chinese mine").Set(8, 4, "AAA Metals");

        var result = Read(book.ToBytes());

        Assert.Equal(4, result.Declaration!.Smelters.Count);
    }

    [Theory]
    [MemberData(nameof(GeneratedVersions))]
    public void Evaluate_UntouchedGeneratedTemplate_NothingDeclaredOneFinding(string version)
    {
        var evaluation = Evaluate(new CmrtWorkbookSpec { Version = version, Scope = null });

        Assert.Equal(Outcome.Invalid, evaluation.Outcome);
        var finding = Assert.Single(evaluation.Findings);
        Assert.Equal(FindingCodes.EmptyTemplate, finding.Code);
        Assert.Empty(evaluation.Declaration!.MetalsInScope);
        Assert.Null(evaluation.Determination);
    }

    public static TheoryData<string> GeneratedVersions() => new(GeneratedDeclarations.Versions);

    [Fact]
    public void Evaluate_TemplateWithOnlyAStraySampleRow_EmptyTemplateThatSaysSo()
    {
        var sample = GeneratedDeclarations.Smelters[1];
        var spec = new CmrtWorkbookSpec
        {
            Version = "6.5",
            Scope = null,
            Smelters = [new SmelterLine(sample.Metal.ToString(), sample.StandardName, sample.StandardName, sample.Country, sample.Cid)],
        };

        var evaluation = Evaluate(spec);

        var finding = Assert.Single(evaluation.Findings);
        Assert.Equal(FindingCodes.EmptyTemplate, finding.Code);
        Assert.Contains("1 Smelter List row(s) alone do not make a declaration", finding.Message);
        Assert.Empty(evaluation.Smelters);
    }

    [Fact]
    public void Evaluate_OnlyTheCompanyNameFilledIn_NotEmptyButEveryMissingFieldNamed()
    {
        var evaluation = Evaluate(new CmrtWorkbookSpec { Version = "6.5", Scope = null, CompanyName = "Half Done Ltd" });

        Assert.False(evaluation.Declaration!.IsEmptyTemplate);
        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.EmptyTemplate);
        Assert.Contains(evaluation.Findings, f => f.Code == FindingCodes.RequiredScope);
        Assert.Contains(evaluation.Findings, f => f.Code == FindingCodes.RequiredMetalAnswer);
    }

    [Theory]
    [InlineData("2.03a")]
    [InlineData("3.01")]
    [InlineData("6.5")]
    public void Evaluate_SmelterRowForMetalOutOfScope_WarnedAndLeftOutOfTheAssessedSmelters(string version)
    {
        var spec = GeneratedDeclarations.Complete(version);
        var tinOut = new Dictionary<Metal, string?[]>(spec.MetalAnswers) { [Metal.Tin] = ["No", "No"] };

        var evaluation = Evaluate(spec with { MetalAnswers = tinOut });

        Assert.Equal(Outcome.Accepted, evaluation.Outcome);
        Assert.Equal(FindingSeverity.Warning, Assert.Single(evaluation.Findings, f => f.Code == FindingCodes.SmelterMetalNotInScope).Severity);
        Assert.Contains(evaluation.Declaration!.Smelters, s => s.Metal == Metal.Tin);
        Assert.DoesNotContain(evaluation.Smelters, s => s.Metal == "Tin");
        Assert.Equal(3, evaluation.Smelters.Count);
    }

    [Fact]
    public void Evaluate_NoMetalInScopeWithAStraySampleRow_NoSmelterAssessed()
    {
        var spec = GeneratedDeclarations.Complete("6.5");
        var none = Enum.GetValues<Metal>().ToDictionary(m => m, _ => new string?[] { "No" });

        var evaluation = Evaluate(spec with { MetalAnswers = none });

        Assert.Empty(evaluation.Declaration!.MetalsInScope);
        Assert.Empty(evaluation.Smelters);
        Assert.Equal("no-3tg", evaluation.Determination);
    }
}
