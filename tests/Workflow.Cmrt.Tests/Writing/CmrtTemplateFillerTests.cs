using Workflow.Tests.Shared;
using System.IO.Compression;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Tests.Support;
using Workflow.Cmrt.Writing;

namespace Workflow.Cmrt.Tests.Writing;

/// <summary>What the filler does with files that are not the template it expects: a clear refusal, never a half file.</summary>
public sealed class CmrtTemplateFillerTests
{
    private static readonly CmrtWorkbookSpec Spec = new()
    {
        CompanyName = "Example Motors, Inc.",
        Smelters = [new SmelterLine("Gold", "Alpha Gold", "Alpha Gold", "Japan", "CID000001")],
    };

    [Fact]
    public void NotAnXlsxPackage_IsRefusedWithWhatToDo()
    {
        var e = Assert.Throws<CmrtTemplateException>(() => CmrtTemplateFiller.Fill(new MemoryStream("not a workbook"u8.ToArray()), Spec));

        Assert.Contains("not an .xlsx package", e.Message);
    }

    [Fact]
    public void WorkbookWithoutTheSmelterList_IsRefusedNamingTheSheet()
    {
        var book = new XlsxWriter();
        book.Sheet(CmrtLayout6.Declaration).Set("D8", "x");
        book.Sheet(CmrtLayout6.ProductList);

        var e = Assert.Throws<CmrtTemplateException>(() => CmrtTemplateFiller.Fill(new MemoryStream(book.ToBytes()), Spec));

        Assert.Contains("'Smelter List'", e.Message);
        Assert.Contains("Declaration", e.Message); // and lists the sheets it did find
    }

    [Fact]
    public void ZipWithoutAWorkbookPart_IsRefused()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            using (var w = new StreamWriter(zip.CreateEntry("hello.txt").Open())) w.Write("hi");

        var e = Assert.Throws<CmrtTemplateException>(() => CmrtTemplateFiller.Fill(new MemoryStream(buffer.ToArray()), Spec));

        Assert.Contains("xl/workbook.xml", e.Message);
    }

    [RealFilesFact]
    public void RealTemplate_FilledRowsBeyondItsLastRow_ExtendTheDimension_AndReadBack()
    {
        // More smelters than the template has Smelter List rows (5–2504): rows are added, the sheet's extent follows.
        var many = Enumerable.Range(1, 2600).Select(i => new SmelterLine("Tin", "Smelter not listed", $"Tin Smelter {i}", "Malaysia", null)).ToList();
        using var template = File.OpenRead(SharedData.Cmrt("rmi-templates/RMI_CMRT_6.5.xlsx"));

        var filled = CmrtTemplateFiller.Fill(template, Spec with { Smelters = many });

        using var zip = new ZipArchive(new MemoryStream(filled));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet5.xml")!.Open());
        Assert.Contains("<dimension ref=\"A1:AH2604\"", sheet.ReadToEnd());
        var read = CmrtReader.Read(new MemoryStream(filled));
        Assert.Equal(2600, read.Declaration!.Smelters.Count(s => s.Metal == Metal.Tin));
    }
}
