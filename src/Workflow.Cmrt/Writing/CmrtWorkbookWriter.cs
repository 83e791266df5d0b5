using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Writing;

/// <summary>Writes a <see cref="CmrtWorkbookSpec"/> as a CMRT 6.x-layout workbook (Declaration, Smelter List, Product List).</summary>
public static class CmrtWorkbookWriter
{
    public static byte[] Write(CmrtWorkbookSpec spec)
    {
        var book = new XlsxWriter();
        if (spec.IncludeGuideSheets) WriteGuideSheets(book, spec);
        var d = book.Sheet(CmrtLayout6.Declaration);
        d.Set("D2", "Conflict Minerals Reporting Template (CMRT)")
         .Set("J3", spec.RevisionText)
         .Set("D3", spec.Language)
         .Set("D8", spec.CompanyName).Set("D9", spec.Scope).Set("D10", spec.ScopeDescription)
         .Set("D12", spec.UniqueId).Set("D13", spec.UniqueIdAuthority).Set("D14", spec.Address)
         .Set("D15", spec.ContactName).Set("D16", spec.ContactEmail).Set("D17", spec.ContactPhone)
         .Set("D18", spec.AuthorizerName).Set("D19", spec.AuthorizerTitle).Set("D20", spec.AuthorizerEmail)
         .Set("D21", spec.AuthorizerPhone);
        if (spec.EffectiveDate is { } date)
            d.Set(22, 4, date.ToDateTime(TimeOnly.MinValue).ToOADate());

        foreach (var (metal, answers) in spec.MetalAnswers)
            for (var q = 1; q <= Math.Min(8, answers.Length); q++)
                d.Set(CmrtLayout6.QuestionRow(q, metal), 4, answers[q - 1]);

        for (var i = 0; i < 8; i++)
        {
            d.Set(CmrtLayout6.CompanyQuestionRow(i), 4, spec.CompanyAnswers.ElementAtOrDefault(i));
            d.Set(CmrtLayout6.CompanyQuestionRow(i), 7, spec.CompanyComments.ElementAtOrDefault(i));
        }

        var s = book.Sheet(CmrtLayout6.SmelterList);
        s.Set("B4", "Metal (*)").Set("C4", "Smelter Look-up (*)").Set("D4", "Smelter Name (1)").Set("E4", "Smelter Country (*)")
         .Set("F4", "Smelter Identification").Set("G4", "Source of Smelter Identification Number").Set("Q3", spec.RevisionText);
        var row = CmrtLayout6.SmelterFirstRow;
        foreach (var line in spec.Smelters)
        {
            s.Set(row, 2, line.Metal).Set(row, 3, line.LookupName).Set(row, 4, line.Name).Set(row, 5, line.Country)
             .Set(row, 6, line.SmelterId).Set(row, 7, line.Source).Set(row, 8, line.Street).Set(row, 9, line.City).Set(row, 10, line.StateProvince);
            row++;
        }

        if (spec.IncludeGuideSheets) book.Sheet("Checker").Set("B2", "Checker: open this file in the RMI template to see the checker's findings.");
        var p = book.Sheet(CmrtLayout6.ProductList);
        p.Set("B5", "Responder's Product Number (*)").Set("C5", "Responder's Product Name").Set("D5", "Comments");
        row = CmrtLayout6.ProductFirstRow;
        foreach (var product in spec.Products)
        {
            p.Set(row, 2, product.Number).Set(row, 3, product.Name).Set(row, 4, product.Comments);
            row++;
        }
        if (!spec.IncludeGuideSheets) book.Sheet("Checker");
        return book.ToBytes();
    }

    private static void WriteGuideSheets(XlsxWriter book, CmrtWorkbookSpec spec)
    {
        book.Sheet("Revision")
            .Set("B2", "Conflict Minerals Reporting Template (CMRT)")
            .Set("B4", spec.RevisionText)
            .Set("B6", "Generated in the RMI CMRT " + spec.Version + " layout; answers are read by cell address.");
        book.Sheet("Instructions")
            .Set("B2", "Instructions")
            .Set("B4", "This declaration follows the RMI Conflict Minerals Reporting Template " + spec.Version + ".")
            .Set("B5", "The Declaration tab holds the company's answers, the Smelter List tab the smelters and refiners in its supply chain.");
        book.Sheet("Definitions")
            .Set("B2", "Definitions")
            .Set("B4", "3TG: tantalum, tin, tungsten and gold.")
            .Set("B5", "Covered countries: the Democratic Republic of the Congo and its adjoining countries (SEC Rule 13p-1).")
            .Set("B6", "CAHRA: conflict-affected and high-risk areas (OECD; EU Regulation 2017/821).");
    }
}
