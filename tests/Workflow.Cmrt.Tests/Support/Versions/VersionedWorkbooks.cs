using Workflow.Cmrt.Writing;
using Workflow.Tests.Shared;

namespace Workflow.Cmrt.Tests.Support.Versions;

/// <summary>
/// A workbook of any released CMRT version in the physical form it was distributed in: 2.x, 3.x and 6.x by the
/// project's writer (the verified layouts, with the question texts added where the templates print them), 4.x and
/// 5.x by <see cref="StructuralCmrtWriter"/>; each with its version's J3 text and smelter reference tab.
/// </summary>
public static class VersionedWorkbooks
{
    public static byte[] Write(CmrtWorkbookSpec spec, StructuralShape? shape = null)
    {
        var facts = CmrtVersionCatalogue.Of(spec.Version);
        spec = spec with { RevisionText = facts.RevisionText };
        XlsxWriter book;
        if (facts.ReadByAddress)
        {
            if (shape is not null) throw new ArgumentException($"CMRT {spec.Version} has a verified layout; shapes are for 4.x and 5.x.", nameof(shape));
            book = CmrtWorkbookWriter.Build(spec);
            WriteQuestionTexts(book, facts);
        }
        else book = StructuralCmrtWriter.Build(spec, facts, shape ?? StructuralShape.LikeThreeX);
        WriteLookupSheet(book, facts);
        return facts.Form == "xls" ? BiffWorkbook.From(book) : book.ToBytes();
    }

    /// <summary>The texts and headers of the verified layouts, at the rows the real templates use (one above each block).</summary>
    private static void WriteQuestionTexts(XlsxWriter book, CmrtVersionFacts facts)
    {
        var layout = CmrtCells.LayoutOf(facts.Version);
        var d = book.Sheet("Declaration");
        string[] metals = ["Tantalum  (*)", "Tin  (*)", "Gold  (*)", "Tungsten  (*)"];
        foreach (var q in layout.MetalQuestions)
        {
            d.Set(q.FirstAnswerRow - 1, 2, $"{q.Number}) {facts.MetalQuestionTexts[q.Number - 1]} (*)").Set(q.FirstAnswerRow - 1, 4, "Answer");
            for (var m = 0; m < metals.Length; m++) d.Set(q.FirstAnswerRow + m, 2, metals[m]);
        }
        var first = layout.CompanyQuestions[0].Row;
        d.Set(first - 2, 2, "Answer the Following Questions at a Company Level").Set(first - 1, 2, "Question").Set(first - 1, 4, "Answer");
        foreach (var c in layout.CompanyQuestions)
            d.Set(c.Row, 2, $"{c.Letter}. {facts.CompanyQuestionTexts[c.Letter - 'A']} (*)");
    }

    /// <summary>
    /// The template's own smelter table, under its version's name, listing the generated smelters: 2.x/3.x "Standard
    /// Smelter Names" as §9 describes it; 4.x and 5.x in the 6.x "Smelter Look-up" columns, a guess.
    /// </summary>
    private static void WriteLookupSheet(XlsxWriter book, CmrtVersionFacts facts)
    {
        var sheet = book.Sheet(facts.LookupSheet);
        var row = facts.Family is 2 or 3 ? 2 : 4;
        string[] header = facts.Family switch
        {
            2 => ["Metal", "Standard Smelter Names", "Known alias", "Smelter Facility Location: Country", "Smelter ID"],
            3 => ["Metal", "Standard Smelter Names", "Smelter Facility Location: Country", "Old Smelter ID", "New Smelter ID"],
            _ => ["Metal", "Smelter Look-up (*)", "Standard Smelter Names", "Smelter Facility Location: Country", "Smelter ID",
                  "Source of Smelter Identification Number", "Smelter Street", "Smelter City", "Smelter Facility Location: State / Province"],
        };
        for (var c = 0; c < header.Length; c++) sheet.Set(row, c + 1, header[c]);
        foreach (var s in GeneratedDeclarations.Smelters)
        {
            row++;
            string?[] values = facts.Family switch
            {
                2 => [s.Metal.ToString(), s.StandardName, null, s.Country, null],
                3 => [s.Metal.ToString(), s.StandardName, s.Country, null, s.Cid],
                _ => [s.Metal.ToString(), s.StandardName, s.StandardName, s.Country, s.Cid, "RMI", null, null, null],
            };
            for (var c = 0; c < values.Length; c++) sheet.Set(row, c + 1, values[c]);
        }
    }
}
