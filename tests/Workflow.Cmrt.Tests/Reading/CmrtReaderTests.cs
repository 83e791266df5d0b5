using Workflow.Tests.Shared;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Tests.Support;

namespace Workflow.Cmrt.Tests.Reading;

public class CmrtReaderTests
{
    [RealFilesTheory]
    [InlineData("2.03a/green.xlsx", "2.03a", 2)]
    [InlineData("2.03a/high_risk.xlsx", "2.03a", 2)]
    [InlineData("2.03a/validation_needed.xlsx", "2.03a", 2)]
    [InlineData("2.03a/empty-encrypted.xlsx", "2.03a", 2)]
    [InlineData("3.01/green.xlsx", "3.01", 3)]
    [InlineData("3.01/high_risk.xlsx", "3.01", 3)]
    [InlineData("3.01/validation_needed.xlsx", "3.01", 3)]
    [InlineData("3.01/empty-encrypted.xls", "3.01", 3)]
    public void Read_Sample_DetectsVersionAndFamily(string sample, string version, int family)
    {
        var result = CmrtReader.Read(SharedData.Cmrt("ddm/" + sample));

        Assert.True(result.IsReadable, result.UnreadableReason);
        Assert.Equal("CMRT", result.Declaration!.Template);
        Assert.Equal(version, result.Declaration.Version);
        Assert.Equal(family, result.Declaration.Family);
    }

    [RealFilesTheory]
    [InlineData("6.01")]
    [InlineData("6.22")]
    [InlineData("6.5")]
    public void Read_BlankRmiTemplate_DetectsVersionDespiteChineseLabels(string version)
    {
        var result = CmrtReader.Read(SharedData.Template(version));

        Assert.True(result.IsReadable, result.UnreadableReason);
        Assert.Equal(version, result.Declaration!.Version);
        Assert.Equal(6, result.Declaration.Family);
        Assert.Empty(result.Declaration.Smelters);
        Assert.Empty(result.Declaration.Products);
    }

    [RealFilesFact]
    public void Read_Green301_MapsCompanyFieldsAndDate1904Serial()
    {
        var d = CmrtReader.Read(SharedData.Sample("3.01", "green.xlsx")).Declaration!;

        Assert.Equal("Green Status Pro", d.Company.Name);
        Assert.Equal(DeclarationScope.Company, d.Scope);
        Assert.Equal("leo.denevi@greenstatuspro.com", d.Company.ContactEmail);
        Assert.Equal("(555) 555-1234", d.Company.AuthorizerPhone);
        Assert.Equal(new DateOnly(2014, 5, 31), d.Company.EffectiveDate);
        Assert.Equal("English", d.Language);
    }

    [RealFilesFact]
    public void Read_Green301_MapsPerMetalAnswersToMeanings()
    {
        var d = CmrtReader.Read(SharedData.Sample("3.01", "green.xlsx")).Declaration!;

        var gold = d.For(Metal.Gold);
        Assert.Equal(Answer.Unknown, gold.CoveredCountrySourcing.Value);
        Assert.Equal("Declaration!D40", gold.CoveredCountrySourcing.Location);
        Assert.Equal(Answer.Yes, gold.RecycledOrScrap.Value);
        Assert.Equal(new ResponseRate(100, true), gold.ResponseRate);
        Assert.Null(gold.CahraSourcing);
        Assert.All(d.Metals, m => Assert.True(m.InScope));
        Assert.Equal("http://company/policy", d.CompanyQuestions.PolicyPublic!.Comment);
    }

    [RealFilesFact]
    public void Read_HighRisk301_NormalisesTrailingSpaceInResponseRate()
    {
        var d = CmrtReader.Read(SharedData.Sample("3.01", "high_risk.xlsx")).Declaration!;

        var tin = d.For(Metal.Tin).SupplierResponse;
        Assert.Equal("No, but greater than 75%", tin.Raw);
        Assert.Equal(Answer.No, tin.Value);
        Assert.Equal(new ResponseRate(75, false), d.For(Metal.Tin).ResponseRate);
    }

    [RealFilesFact]
    public void Read_Green203a_MapsVersion2QuestionsAndRepresentative()
    {
        var d = CmrtReader.Read(SharedData.Sample("2.03a", "green.xlsx")).Declaration!;

        Assert.Equal("Leo de Nevi", d.Company.ContactName);
        Assert.Equal("Chief Technology Officer", d.Company.AuthorizerTitle);
        Assert.Equal(Answer.Unknown, d.For(Metal.Gold).CoveredCountrySourcing.Value);
        Assert.Equal(Answer.Yes, d.For(Metal.Gold).AllSmeltersCompliant!.Value);
        Assert.Null(d.For(Metal.Gold).RemainsInProduct);
        Assert.Equal(Answer.Yes, d.CompanyQuestions.ReviewsSupplierInformation!.Value);
        Assert.Equal("Yes (documentation review only)", d.CompanyQuestions.ReviewsSupplierInformation.Raw);
    }

    [RealFilesFact]
    public void Read_Green301WithEmptyCachedIds_DerivesCidFromWorkbookLookup()
    {
        var d = CmrtReader.Read(SharedData.Sample("3.01", "green.xlsx")).Declaration!;

        var tantalum = Assert.Single(d.Smelters, s => s.Metal == Metal.Tantalum);
        Assert.Null(tantalum.IdRaw);
        Assert.Equal("CID000564", tantalum.Cid);
        Assert.Equal("lookup-sheet", tantalum.CidSource);
        Assert.Equal("UNITED STATES", tantalum.Country);
    }

    [RealFilesFact]
    public void Read_Green203aWithReferenceList_TranslatesV2IdFromLookupToCid()
    {
        var d = CmrtReader.Read(SharedData.Sample("2.03a", "green.xlsx"), ReferenceLists.WithCfsiEra).Declaration!;

        var gold = Assert.Single(d.Smelters, s => s.Metal == Metal.Gold);
        Assert.Equal("1DEU001", gold.IdRaw);
        Assert.Equal("CID000035", gold.Cid);
        Assert.Equal("v2-translation", gold.CidSource);
    }

    [RealFilesFact]
    public void Read_Green203aWithoutReferenceList_KeepsV2IdUnresolved()
    {
        var d = CmrtReader.Read(SharedData.Sample("2.03a", "green.xlsx")).Declaration!;

        var gold = Assert.Single(d.Smelters, s => s.Metal == Metal.Gold);
        Assert.Equal("1DEU001", gold.IdRaw);
        Assert.Null(gold.Cid);
    }

    [RealFilesFact]
    public void Read_EncryptedBiff8_ReadsWithDefaultPassword()
    {
        var result = CmrtReader.Read(SharedData.Sample("3.01", "empty-encrypted.xls"));

        Assert.True(result.IsReadable, result.UnreadableReason);
        Assert.Null(result.Declaration!.Company.Name);
        Assert.All(result.Declaration.Metals, m => Assert.True(m.IntentionallyAdded.IsBlank));
    }

    [RealFilesFact]
    public void Read_SameWorkbookFromNonSeekableStream_GivesSameDeclaration()
    {
        var bytes = File.ReadAllBytes(SharedData.Sample("3.01", "green.xlsx"));
        using var stream = new NonSeekableStream(new MemoryStream(bytes));

        var result = CmrtReader.Read(stream);

        Assert.Equal("Green Status Pro", result.Declaration!.Company.Name);
    }

    private sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1000));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
