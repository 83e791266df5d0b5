using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Writing;

/// <summary>
/// Writes a <see cref="CmrtWorkbookSpec"/> as a CMRT workbook in its version's layout (2.x, 3.x or 6.x: Declaration,
/// Smelter List, Product List), by cell address as every reader works.
/// </summary>
public static class CmrtWorkbookWriter
{
    public static byte[] Write(CmrtWorkbookSpec spec) => Build(spec).ToBytes();

    /// <summary>The workbook's sheets and cells before they are packed, for writers of other physical forms (.xls).</summary>
    public static XlsxWriter Build(CmrtWorkbookSpec spec)
    {
        var book = new XlsxWriter();
        WriteCells(book, spec);
        return book;
    }

    private static void WriteCells(XlsxWriter book, CmrtWorkbookSpec spec)
    {
        var layout = CmrtCells.LayoutOf(spec.Version);
        if (spec.IncludeGuideSheets) WriteGuideSheets(book, spec);
        var d = book.Sheet(CmrtLayout6.Declaration);
        d.Set("D2", "Conflict Minerals Reporting Template (CMRT)").Set("J3", spec.RevisionText).Set("D3", spec.Language);
        var s = book.Sheet(CmrtLayout6.SmelterList);
        s.Set(4, layout.Smelters.Metal, "Metal (*)").Set(4, layout.Smelters.Lookup, "Smelter Look-up (*)").Set(4, layout.Smelters.Name, "Smelter Name (1)")
         .Set(4, layout.Smelters.Country, "Smelter Country (*)").Set(4, layout.Smelters.Id, "Smelter Identification")
         .Set(layout.SmelterRevisionCell ?? "Q3", spec.RevisionText);
        if (CmrtCells.SourceColumn(layout.Smelters) is > 0 and var source) s.Set(4, source, "Source of Smelter Identification Number");
        if (spec.IncludeGuideSheets) book.Sheet("Checker").Set("B2", "Checker: open this file in the RMI template to see the checker's findings.");
        var p = book.Sheet(CmrtLayout6.ProductList);
        p.Set("B5", "Responder's Product Number (*)").Set("C5", "Responder's Product Name").Set("D5", "Comments");
        if (!spec.IncludeGuideSheets) book.Sheet("Checker");

        foreach (var cell in CmrtCells.Of(spec))
        {
            var sheet = book.Sheet(cell.Sheet);
            if (cell.Number is { } n) sheet.Set(cell.Row, cell.Column, n);
            else sheet.Set(cell.Row, cell.Column, cell.Text);
        }
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
