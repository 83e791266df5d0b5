using Workflow.Tests.Shared;
using System.IO.Compression;
using System.Text;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Tests.Support;

namespace Workflow.Cmrt.Tests.Reading;

public class FileRecognitionTests
{
    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
                using (var w = new StreamWriter(zip.CreateEntry(name).Open())) w.Write(text);
        return buffer.ToArray();
    }

    [Theory]
    [InlineData("%PDF-1.7\n%âãÏÓ\n1 0 obj", "a PDF document")]
    [InlineData("\u0089PNG\r\n\u001a\n", "an image")]
    [InlineData("<!doctype html><script>fetch('/api/escalations')</script>", "a text file")]
    [InlineData("name,email,country\nAcme,a@b.c,DE\n", "a text file")]
    public void Recognise_NonWorkbookBytes_NotAWorkbookWithWhatItIs(string text, string expected)
    {
        var result = FileRecognition.Recognise(Encoding.Latin1.GetBytes(text));

        Assert.Equal(RecognisedKind.NotAWorkbook, result.Kind);
        Assert.StartsWith(expected, result.Description);
        Assert.Equal("application/octet-stream", result.ContentType);
    }

    [Fact]
    public void Recognise_JpegAndEmpty_NotAWorkbook()
    {
        Assert.Equal("an image", FileRecognition.Recognise([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]).Description);
        Assert.Equal("an empty file", FileRecognition.Recognise([]).Description);
    }

    [Fact]
    public void Recognise_WordDocumentAndZipOfOtherFiles_NotAWorkbook()
    {
        Assert.Equal("a Word document", FileRecognition.Recognise(Zip(("word/document.xml", "<w:document/>"), ("[Content_Types].xml", "<Types/>"))).Description);
        Assert.Equal("a zip archive without an Excel workbook in it", FileRecognition.Recognise(Zip(("suppliers.csv", "a,b"))).Description);
    }

    [Fact]
    public void Recognise_Xlsx_IsAWorkbookServedAsSpreadsheetMl()
    {
        var bytes = new SyntheticWorkbook().Sheet("Declaration", "").ToBytes();

        var result = FileRecognition.Recognise(bytes);

        Assert.Equal(RecognisedKind.OoxmlWorkbook, result.Kind);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", result.ContentType);
        Assert.Equal(".xlsx", result.Extension);
    }

    [Fact]
    public void Recognise_WorkbookWithMacros_ServedAsXlsm()
    {
        var bytes = new SyntheticWorkbook().Sheet("Declaration", "").Part("xl/vbaProject.bin", [1, 2, 3]).ToBytes();

        var result = FileRecognition.Recognise(bytes);

        Assert.Equal(".xlsm", result.Extension);
        Assert.Equal("application/vnd.ms-excel.sheet.macroEnabled.12", result.ContentType);
    }

    [Fact]
    public void Recognise_TruncatedZip_DamagedContainerLeftToTheReader()
    {
        var bytes = new SyntheticWorkbook().Sheet("Declaration", "").ToBytes();

        var result = FileRecognition.Recognise(bytes[..(bytes.Length / 2)]);

        Assert.Equal(RecognisedKind.DamagedContainer, result.Kind);
        Assert.True(result.IsWorkbook);
    }

    [Fact]
    public void Recognise_Ole2Garbage_DamagedContainer()
    {
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        new Random(7).NextBytes(bytes.AsSpan(8));

        Assert.Equal(RecognisedKind.DamagedContainer, FileRecognition.Recognise(bytes).Kind);
    }

    [RealFilesFact]
    public void Recognise_RealXlsAndEncryptedXlsx_AreWorkbooks()
    {
        var xls = FileRecognition.Recognise(File.ReadAllBytes(SharedData.Sample("3.01", "empty-encrypted.xls")));
        var encrypted = FileRecognition.Recognise(File.ReadAllBytes(SharedData.Sample("2.03a", "empty-encrypted.xlsx")));

        Assert.Equal(RecognisedKind.BiffWorkbook, xls.Kind);
        Assert.Equal(".xls", xls.Extension);
        Assert.Equal(RecognisedKind.EncryptedWorkbook, encrypted.Kind);
        Assert.Equal(".xlsx", encrypted.Extension);
    }
}
