using Workflow.Tests.Shared;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Tests.Support;

namespace Workflow.Cmrt.Tests.Reading;

public class BadInputTests
{
    private static CmrtReadResult Read(byte[] bytes, CmrtReaderOptions? options = null) => CmrtReader.Read(new MemoryStream(bytes), options);

    private static void AssertUnreadable(CmrtReadResult result, string expectedFragment)
    {
        Assert.False(result.IsReadable);
        Assert.Contains(expectedFragment, result.UnreadableReason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_JpegRenamedXls_NotAnExcelWorkbook()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-photo.xls");
        File.WriteAllBytes(path, jpeg);
        try
        {
            AssertUnreadable(CmrtReader.Read(path), "not an Excel workbook");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Read_Utf16SheetXml_ReadThroughXmlReaderFallback()
    {
        var declaration = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
                          $"<row r=\"3\">{SyntheticWorkbook.InlineCell("J3", "Revision 6.5")}</row><row r=\"8\">{SyntheticWorkbook.InlineCell("D8", "Ütf Sixteen GmbH")}</row></sheetData></worksheet>";
        var bytes = new SyntheticWorkbook().Sheet("Smelter List", "")
            .Part("xl/worksheets/sheet9.xml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(declaration)]).ToBytes();
        bytes = RenameSheetTarget(bytes);

        var result = Read(bytes);

        Assert.True(result.IsReadable, result.UnreadableReason);
        Assert.Equal("Ütf Sixteen GmbH", result.Declaration!.Company.Name);
    }

    /// <summary>Adds a "Declaration" sheet pointing at the UTF-16 part sheet9.xml.</summary>
    private static byte[] RenameSheetTarget(byte[] zipBytes)
    {
        using var buffer = new MemoryStream();
        buffer.Write(zipBytes);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            void Replace(string name, Func<string, string> edit)
            {
                var entry = zip.GetEntry(name)!;
                string text;
                using (var reader = new StreamReader(entry.Open())) text = reader.ReadToEnd();
                entry.Delete();
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(edit(text));
            }
            Replace("xl/workbook.xml", t => t.Replace("</sheets>", "<sheet name=\"Declaration\" sheetId=\"9\" r:id=\"rId9\"/></sheets>"));
            Replace("xl/_rels/workbook.xml.rels", t => t.Replace("</Relationships>",
                "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet9.xml\"/></Relationships>"));
        }
        return buffer.ToArray();
    }

    [Fact]
    public void Read_EmptyFile_Unreadable() => AssertUnreadable(Read([]), "empty");

    [Fact]
    public void Read_MissingFile_UnreadableNotException() =>
        AssertUnreadable(CmrtReader.Read(Path.Combine(Path.GetTempPath(), "no-such-cmrt.xlsx")), "could not be opened");

    [RealFilesFact]
    public void Read_TruncatedZip_CorruptZip()
    {
        var bytes = File.ReadAllBytes(SharedData.Sample("3.01", "green.xlsx"));

        AssertUnreadable(Read(bytes[..(bytes.Length / 2)]), "zip");
    }

    [Fact]
    public void Read_ZipWithoutWorkbookPart_NotAnExcelWorkbook()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, true))
            using (var s = zip.CreateEntry("word/document.xml").Open()) s.Write("<document/>"u8);

        AssertUnreadable(Read(buffer.ToArray()), "xl/workbook.xml is missing");
    }

    [Fact]
    public void Read_ZipBombSheet_RejectedByCompressionRatioQuickly()
    {
        var bomb = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
                   new string(' ', 64 * 1024 * 1024) + "</sheetData></worksheet>";
        var bytes = new SyntheticWorkbook().RawSheet("Declaration", bomb).Sheet("Smelter List", "").ToBytes(CompressionLevel.SmallestSize);
        var sw = Stopwatch.StartNew();

        var result = Read(bytes);

        AssertUnreadable(result, "zip bomb");
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"took {sw.Elapsed}");
    }

    [RealFilesFact]
    public void Read_MoreDataThanUncompressedBudget_ZipBombMessage()
    {
        var bytes = File.ReadAllBytes(SharedData.Template("6.5"));

        var result = Read(bytes, CmrtReaderOptions.Default with { MaxUncompressedBytes = 512 * 1024 });

        AssertUnreadable(result, "zip bomb");
    }

    [Fact]
    public void Read_XmlBombWithDtd_RejectedAsUnsafe()
    {
        const string bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
                            "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>" +
                            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"3\"><c r=\"J3\" t=\"inlineStr\"><is><t>&lol4;</t></is></c></row></sheetData></worksheet>";
        var bytes = new SyntheticWorkbook().RawSheet("Declaration", bomb).Sheet("Smelter List", "").ToBytes();

        AssertUnreadable(Read(bytes), "DTD");
    }

    [Fact]
    public void Read_XmlBombInWorkbookPart_RejectedAsUnsafe()
    {
        var wb = new SyntheticWorkbook { WorkbookXmlOverride = "<!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\">]><workbook>&a;</workbook>" };

        AssertUnreadable(Read(wb.Sheet("Declaration", "").ToBytes()), "DTD");
    }

    [Fact]
    public void Read_MalformedSheetXml_Unreadable()
    {
        var bytes = new SyntheticWorkbook().RawSheet("Declaration", "<worksheet><sheetData><row r=\"3\"><c r=\"J3\"").Sheet("Smelter List", "").ToBytes();

        AssertUnreadable(Read(bytes), "malformed XML");
    }

    [Fact]
    public void Read_XlsWhoseDimensionsClaimABillionRows_RefusedWithinTheTimeBudget()
    {
        // A BIFF8 DIMENSIONS record (type 0x0200, 14 bytes: first row, last row + 1, first column, last column + 1)
        // damaged to claim a billion rows: ExcelDataReader would walk them inside a single Read() call.
        var bytes = WorkbookForms.InForm(GeneratedDeclarations.Complete("6.5"), "xls");
        var dimensions = bytes.AsSpan().IndexOf((ReadOnlySpan<byte>)[0x00, 0x02, 0x0E, 0x00]);
        Assert.True(dimensions > 0);
        BitConverter.GetBytes(1_000_000_000).CopyTo(bytes, dimensions + 8);
        var sw = Stopwatch.StartNew();

        var result = Read(bytes, CmrtReaderOptions.Default with { TimeBudget = TimeSpan.FromSeconds(3) });

        AssertUnreadable(result, "more than 100000 rows");
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(3), $"took {sw.Elapsed}");
    }

    [Fact]
    public void Read_HugeSmelterList_RowLimit()
    {
        var rows = new StringBuilder();
        for (var r = 5; r < 120_000; r++) rows.Append("<row r=\"").Append(r).Append("\"><c r=\"B").Append(r).Append("\" t=\"inlineStr\"><is><t>Gold</t></is></c></row>");
        var wb = new SyntheticWorkbook()
            .Sheet("Declaration", $"<row r=\"3\">{SyntheticWorkbook.InlineCell("J3", "Revision 6.5")}</row>")
            .Sheet("Smelter List", rows.ToString());

        var result = Read(wb.ToBytes());

        AssertUnreadable(result, "more than 100000 rows");
    }

    [Fact]
    public void Read_RowWithTooManyCells_CellLimit()
    {
        var cells = new StringBuilder("<row r=\"5\">");
        for (var c = 1; c <= 5000; c++) cells.Append("<c r=\"").Append(ColumnName(c)).Append("5\"><v>1</v></c>");
        cells.Append("</row>");
        var bytes = new SyntheticWorkbook()
            .Sheet("Declaration", $"<row r=\"3\">{SyntheticWorkbook.InlineCell("J3", "Revision 6.5")}</row>")
            .Sheet("Smelter List", cells.ToString()).ToBytes();

        AssertUnreadable(Read(bytes, CmrtReaderOptions.Default with { MaxCellsPerSheet = 1000 }), "more than 1000 cells");
    }

    [Fact]
    public void Read_InvalidCellReference_Unreadable()
    {
        var bytes = new SyntheticWorkbook().Sheet("Declaration", "<row r=\"3\"><c r=\"ZZZZZZ99999999\"><v>1</v></c></row>").Sheet("Smelter List", "").ToBytes();

        AssertUnreadable(Read(bytes), "invalid cell reference");
    }

    [RealFilesFact]
    public void Read_TimeBudgetExceeded_Unreadable()
    {
        var bytes = File.ReadAllBytes(SharedData.Template("6.5"));

        AssertUnreadable(Read(bytes, CmrtReaderOptions.Default with { TimeBudget = TimeSpan.FromTicks(1) }), "took longer");
    }

    [RealFilesFact]
    public void Read_FileLargerThanLimit_Unreadable()
    {
        var bytes = File.ReadAllBytes(SharedData.Sample("3.01", "green.xlsx"));

        AssertUnreadable(Read(bytes, CmrtReaderOptions.Default with { MaxFileBytes = 100_000 }), "larger than");
    }

    [Fact]
    public void Read_WorkbookWithoutDeclarationSheet_NotACmrt()
    {
        var bytes = new SyntheticWorkbook().Sheet("Sheet1", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>").ToBytes();

        AssertUnreadable(Read(bytes), "no 'Declaration' sheet");
    }

    [Fact]
    public void Read_WorkbookWithoutSmelterList_Unreadable()
    {
        var bytes = new SyntheticWorkbook().Sheet("Declaration", $"<row r=\"3\">{SyntheticWorkbook.InlineCell("J3", "Revision 6.5")}</row>").ToBytes();

        AssertUnreadable(Read(bytes), "no 'Smelter List' sheet");
    }

    [Fact]
    public void Read_DeclarationWithoutRevision_VersionUndetermined()
    {
        var bytes = new SyntheticWorkbook().Sheet("Declaration", "").Sheet("Smelter List", "").ToBytes();

        AssertUnreadable(Read(bytes), "version could not be determined");
    }

    [Fact]
    public void Read_Version1Workbook_Unsupported()
    {
        var bytes = new SyntheticWorkbook().Sheet("Instructions", "").Sheet("Smelter and Mine List", "").ToBytes();

        var result = Read(bytes);

        AssertUnreadable(result, "version 1");
        Assert.Equal("1", result.Version);
    }

    [RealFilesFact]
    public void Read_EmrtTemplate_RecognisedAndUnsupported()
    {
        var result = CmrtReader.Read(SharedData.Cmrt("rmi-templates/RMI_EMRT_2.1.xlsx"));

        AssertUnreadable(result, "EMRT");
        Assert.Equal("EMRT", result.Template);
    }

    [RealFilesFact]
    public void Read_EncryptedWithAnotherPassword_ProtectedMessage()
    {
        // Changing the verifier's salt in EncryptionInfo makes "VelvetSweatshop" fail exactly as another password would;
        // no library here can encrypt a workbook with a chosen password.
        var bytes = File.ReadAllBytes(SharedData.Sample("2.03a", "empty-encrypted.xlsx"));
        var csp = Encoding.Unicode.GetBytes("Microsoft Enhanced RSA and AES Cryptographic Provider");
        var at = bytes.AsSpan().IndexOf(csp);
        Assert.True(at > 0);
        var salt = at + csp.Length + 2 + 4;
        bytes[salt] ^= 0xFF;

        AssertUnreadable(Read(bytes), "password other than Excel's default");
    }

    [RealFilesFact]
    public void Read_Biff8EncryptedWithAnotherPassword_ProtectedMessage()
    {
        // FILEPASS record (0x002F, 54 bytes: RC4 1.1 header, then salt, verifier, verifier hash); a changed salt
        // fails the default-password check exactly as another password would.
        var bytes = File.ReadAllBytes(SharedData.Sample("3.01", "empty-encrypted.xls"));
        var at = bytes.AsSpan().IndexOf((ReadOnlySpan<byte>)[0x2F, 0x00, 0x36, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00]);
        Assert.True(at > 0);
        bytes[at + 10] ^= 0xFF;

        AssertUnreadable(Read(bytes), "password other than Excel's default");
    }

    [Fact]
    public void Read_Ole2HeaderWithGarbage_Unreadable()
    {
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        new Random(7).NextBytes(bytes.AsSpan(8));

        Assert.False(Read(bytes).IsReadable);
    }

    [Fact]
    public void Evaluate_UnreadableFile_OutcomeUnreadableWithSpecificFinding()
    {
        var evaluation = DefaultPolicy.Evaluator().Evaluate(new MemoryStream("GIF89a not a workbook"u8.ToArray()), new DateOnly(2025, 1, 1));

        Assert.Equal(Outcome.Unreadable, evaluation.Outcome);
        var finding = Assert.Single(evaluation.Findings);
        Assert.Equal("CMRT-UNREADABLE", finding.Code);
        Assert.Contains("not an Excel workbook", finding.Message);
        Assert.Null(evaluation.Declaration);
    }

    private static string ColumnName(int column)
    {
        var name = string.Empty;
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }
}
