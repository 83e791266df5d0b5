using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Workflow.Application.Filings;

/// <summary>
/// The draft as a Word document (Open XML SDK) for the compliance owner to edit: title, headings with Word's own
/// heading styles (so the navigation pane and a table of contents work), bullets, and Appendix A as a table.
/// </summary>
public static class CmrDocx
{
    public static byte[] Write(CmrDraft draft)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            body.Append(Para(draft.Title, "Title"), Para(draft.Subtitle, "Subtitle"), Para(draft.FilingNote, "Note"));
            foreach (var section in draft.Sections)
            {
                body.Append(Para(section.Heading, section.Sub ? "Heading2" : "Heading1"));
                foreach (var paragraph in section.Paragraphs) body.Append(Para(paragraph, null));
                foreach (var bullet in section.Bullets ?? []) body.Append(Para("• " + bullet, "ListBullet"));
            }
            body.Append(Para("Appendix A", "Heading1"), Table(draft.AppendixA));
            body.Append(new SectionProperties(new PageSize { Width = 12240, Height = 15840 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440, Header = 720, Footer = 720, Gutter = 0 }));
            main.Document = new Document(body);
        }
        return buffer.ToArray();
    }

    private static Paragraph Para(string text, string? style)
    {
        var paragraph = new Paragraph();
        if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static Table Table(IReadOnlyList<string[]> rows)
    {
        static TableCell Cell(string text, bool header) => new(new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = "0" }),
            new Run(header ? new RunProperties(new Bold()) : new RunProperties(), new Text(text) { Space = SpaceProcessingModeValues.Preserve })));

        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 2 });
        // Width before borders, and a grid before the rows: the order the schema requires (Word repairs files without it).
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, border),
            new TableGrid(CmrDraft.AppendixHeader.Select(_ => new GridColumn { Width = "2340" })));
        table.Append(new TableRow(CmrDraft.AppendixHeader.Select(h => Cell(h, true))));
        foreach (var row in rows) table.Append(new TableRow(row.Select(c => Cell(c, false))));
        return table;
    }

    private static Styles Styles()
    {
        static Style Paragraph(string id, string name, int halfPoints, bool bold = false, bool italic = false, int after = 120, int before = 0)
        {
            // The schema fixes the order of run properties: fonts, bold, italic, then size.
            var run = new StyleRunProperties(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" });
            if (bold) run.Append(new Bold());
            if (italic) run.Append(new Italic());
            run.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new SpacingBetweenLines { After = after.ToString(), Before = before.ToString() }), run)
            { Type = StyleValues.Paragraph, StyleId = id };
        }

        var normal = new Style(new StyleName { Val = "Normal" },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }),
            new StyleRunProperties(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "22" }))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        var heading1 = Paragraph("Heading1", "heading 1", 28, bold: true, before: 240);
        var heading2 = Paragraph("Heading2", "heading 2", 24, bold: true, before: 160);
        return new Styles(normal, Paragraph("Title", "Title", 36, bold: true), Paragraph("Subtitle", "Subtitle", 26),
            Paragraph("Note", "Note", 18, italic: true, after: 240), heading1, heading2, Paragraph("ListBullet", "List Bullet", 22, after: 60));
    }
}
