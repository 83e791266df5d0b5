using Workflow.Cmrt.Writing;

namespace Workflow.Cmrt.Tests.Support.Versions;

/// <summary>
/// Writes a 4.x or 5.x CMRT, for which the project has no verified layout, in the structure the reader's
/// StructuralLayoutProbe looks for: question text in B with the answer header in D, four metal rows per block,
/// a company section whose questions sit every second row. Company fields (D8–D22), the Smelter List and the
/// Product List are where 3.x and 6.x both keep them, written by the project's own cell map.
/// </summary>
public static class StructuralCmrtWriter
{
    private const string Declaration = "Declaration";

    public static XlsxWriter Build(CmrtWorkbookSpec spec, CmrtVersionFacts facts, StructuralShape shape)
    {
        var book = new XlsxWriter();
        book.Sheet("Revision").Set("B2", "Conflict Minerals Reporting Template (CMRT)").Set("B4", facts.RevisionText);
        book.Sheet("Instructions").Set("B2", "Instructions");
        book.Sheet("Definitions").Set("B2", "Definitions");
        var d = book.Sheet(Declaration);
        d.Set("D2", "Conflict Minerals Reporting Template (CMRT)").Set("J3", facts.RevisionText).Set("D3", spec.Language);
        WriteFieldLabels(d);
        var smelters = book.Sheet("Smelter List");
        smelters.Set("Q3", facts.RevisionText);
        string[] headers = ["Metal (*)", "Smelter Reference List (*)", "Smelter Name (*)", "Smelter Country (*)", "Smelter Identification",
            "Source of Smelter Identification Number", "Smelter Street", "Smelter City", "Smelter Facility Location: State / Province"];
        for (var i = 0; i < headers.Length; i++) smelters.Set(4, 2 + i, headers[i]);
        book.Sheet(facts.LookupSheet);
        book.Sheet("Checker");
        book.Sheet("Product List").Set("B5", "Manufacturer's Product Number (*)").Set("C5", "Manufacturer's Product Name").Set("D5", "Comments");

        // The 3.x cell map for what 3.x and 6.x keep in the same place: company fields above the questions, smelters, products.
        foreach (var cell in CmrtCells.Of(spec with { Version = "3.01" }))
            if (cell.Sheet != Declaration || cell.Row < shape.FirstQuestionRow - 1)
            {
                var sheet = book.Sheet(cell.Sheet);
                if (cell.Number is { } n) sheet.Set(cell.Row, cell.Column, n);
                else sheet.Set(cell.Row, cell.Column, cell.Text);
            }

        var metalTexts = shape.MetalQuestionTexts ?? facts.MetalQuestionTexts;
        d.Set(shape.FirstQuestionRow - 1, 2, $"Answer the following questions 1 - {metalTexts.Count} based on the declaration scope indicated above");
        for (var q = 0; q < metalTexts.Count; q++)
        {
            d.Set(shape.BlockRow(q), 2, $"{q + 1}) {metalTexts[q]} (*)").Set(shape.BlockRow(q), 4, shape.AnswerHeader);
            foreach (var (metal, answers) in spec.MetalAnswers)
            {
                var row = shape.AnswerRow(q, metal);
                d.Set(row, 2, shape.MetalLabels[(int)metal]);
                if (answers.ElementAtOrDefault(q) is { } answer) d.Set(row, 4, answer);
            }
        }

        var companyTexts = shape.CompanyQuestionTexts ?? facts.CompanyQuestionTexts;
        var title = shape.BlockRow(metalTexts.Count);
        d.Set(title, 2, "Answer the Following Questions at a Company Level");
        d.Set(title + 1, 2, "Question").Set(title + 1, 4, shape.AnswerHeader);
        for (var i = 0; i < companyTexts.Count; i++)
        {
            var row = shape.CompanyRow(i, metalTexts.Count);
            d.Set(row, 2, $"{(char)('A' + i)}. {companyTexts[i]} (*)");
            if (spec.CompanyAnswers.ElementAtOrDefault(i) is { } answer) d.Set(row, 4, answer);
            if (spec.CompanyComments.ElementAtOrDefault(i) is { } comment) d.Set(row, 7, comment);
        }
        d.Set(shape.CompanyRow(companyTexts.Count - 1, metalTexts.Count) + 1, 2, "Click here to check required fields completion");
        return book;
    }

    /// <summary>The 3.x labels of the company fields (§5); the reader never reads them.</summary>
    private static void WriteFieldLabels(XlsxSheet d)
    {
        (int Row, string Label)[] labels =
        [
            (8, "Company Name (*):"), (9, "Declaration Scope or Class (*):"), (10, "Description of Scope:"),
            (12, "Company Unique ID:"), (13, "Company Unique ID Authority:"), (14, "Address:"), (15, "Contact Name (*):"),
            (16, "Email – Contact (*):"), (17, "Phone – Contact (*):"), (18, "Authorizer (*):"), (19, "Title - Authorizer:"),
            (20, "Email - Authorizer (*):"), (21, "Phone - Authorizer (*):"), (22, "Effective Date (*):"),
        ];
        foreach (var (row, label) in labels) d.Set(row, 2, label);
    }
}
