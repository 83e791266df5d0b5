using Workflow.Tests.Shared;
using System.IO.Compression;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Reading.Workbook;
using Workflow.Cmrt.Tests.Support;

namespace Workflow.Cmrt.Tests.Reading;

public class StandardEncryptionTests
{
    /// <summary>The two streams of a workbook encrypted here the way Excel does with its default password.</summary>
    private static (byte[] Info, byte[] Package) Streams()
    {
        var xlsx = Workflow.Cmrt.Writing.CmrtWorkbookWriter.Write(GeneratedDeclarations.Complete("6.5"));
        var compound = CompoundFile.Open(EncryptedWorkbook.From(xlsx));
        return (compound.Read("EncryptionInfo")!, compound.Read("EncryptedPackage")!);
    }

    [Fact]
    public void TryDecrypt_DefaultPassword_YieldsTheXlsxPackage()
    {
        var (info, package) = Streams();

        var plain = StandardEncryption.TryDecrypt(info, package, "VelvetSweatshop");

        Assert.NotNull(plain);
        using var zip = new ZipArchive(new MemoryStream(plain!));
        Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
    }

    [Fact]
    public void TryDecrypt_OtherPassword_ThrowsPasswordMessage()
    {
        var (info, package) = Streams();

        var e = Assert.ThrowsAny<Exception>(() => StandardEncryption.TryDecrypt(info, package, "secret"));

        Assert.Contains("password other than Excel's default", e.Message);
    }

    [Fact]
    public void TryDecrypt_AgileOrUnknownVersion_ReturnsNullForFallback()
    {
        var (info, package) = Streams();
        info[2] = 4; // version 4.4 = Agile

        Assert.Null(StandardEncryption.TryDecrypt(info, package, "VelvetSweatshop"));
    }

    [RealFilesFact]
    public void CompoundFile_Biff8Workbook_HasWorkbookStreamAndNoEncryptionInfo()
    {
        var compound = CompoundFile.Open(File.ReadAllBytes(SharedData.Sample("3.01", "empty-encrypted.xls")));

        Assert.True(compound.Has("Workbook"));
        Assert.Null(compound.Read("EncryptionInfo"));
    }

    [RealFilesFact]
    public void Read_EncryptedXlsxThroughFastPath_SameDeclarationAsPlainSibling()
    {
        var encrypted = CmrtReader.Read(SharedData.Sample("2.03a", "empty-encrypted.xlsx")).Declaration!;

        Assert.Equal("2.03a", encrypted.Version);
        Assert.Null(encrypted.Company.Name);
        Assert.Equal(4, encrypted.Metals.Count);
    }
}
