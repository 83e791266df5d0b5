using Workflow.Tests.Shared;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;
using Workflow.Cmrt.Tests.Support;

namespace Workflow.Cmrt.Tests.Reference;

public class ReferenceListLoaderTests
{
    [RealFilesFact]
    public void CfsiStatusCsv_RealFile_LoadsStatuses()
    {
        var list = ReferenceListLoaders.CfsiStatusCsv(SharedData.Reference("cfsi_compliant_smelters_list.csv"));

        // 131 rows, some CIDs listed twice (same smelter under two names).
        Assert.Equal(125, list.Count);
        Assert.Equal("Compliant", list.ByCid("CID000058")!.AuditStatus);
        Assert.Equal("Active", list.ByCid("CID000875")!.AuditStatus);
    }

    [Fact]
    public void CfsiStatusCsv_Windows1252Bytes_DecodedAsWindows1252()
    {
        // The shared copy lost its accents upstream (U+FFFD in UTF-8); the original CFSI export was Windows-1252.
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, [.. "Metal,New Smelter ID,Smelter Name,Location,Status \nGold,CID000058,AngloGold Ashanti C"u8, 0xF3,
                                  .. "rrego do S"u8, 0xED, .. "tio Minera"u8, 0xE7, 0xE3, .. "o,Brazil,Compliant\n"u8]);
        try
        {
            var list = ReferenceListLoaders.CfsiStatusCsv(path);

            Assert.Equal("AngloGold Ashanti Córrego do Sítio Mineração", list.ByCid("CID000058")!.StandardName);
        }
        finally { File.Delete(path); }
    }

    [RealFilesFact]
    public void V2TranslationCsv_TranslatesV2IdsToCids()
    {
        var list = ReferenceListLoaders.V2TranslationCsv(SharedData.Reference("v2_to_v3_translation_data.csv"));

        Assert.Equal("CID000019", list.ByV2Id("1JPN072")!.Cid);
        Assert.Equal("CID000035", list.ByV2Id(" 1deu001 ")!.Cid);
        Assert.Null(list.ByV2Id("1XXX999"));
    }

    [RealFilesFact]
    public void SmelterReferencesCsv_LoadsNamesAndBothIds()
    {
        var list = ReferenceListLoaders.SmelterReferencesCsv(SharedData.Reference("smelter_references.csv"));

        var perth = list.ByCid("CID002030")!;
        Assert.Equal((Metal.Gold, "1AUS046"), (perth.Metal, perth.V2Id));
        Assert.Same(perth, list.ByName(Metal.Gold, "WESTERN AUSTRALIAN MINT trading as the Perth Mint"));
    }

    [RealFilesFact]
    public void Directory_MergesNamesV2IdsAndStatuses()
    {
        var list = ReferenceListLoaders.Directory(SharedData.ReferenceDirectory);

        var alpha = list.ByCid("CID000292")!;
        Assert.Equal(("2USA001", "Compliant"), (alpha.V2Id, alpha.AuditStatus));
        Assert.Contains("smelter_references.csv", list.Version);
        Assert.Contains("cfsi_compliant_smelters_list.csv", list.Version);
    }

    [RealFilesFact]
    public void LookupSheetLoader_Rmi65Template_GroupsAliasRowsByCid()
    {
        var list = LookupSheetLoader.Load(SharedData.Template("6.5"));

        Assert.Equal(349, list.Count);
        Assert.All(list.All, e => Assert.Matches("^CID[0-9]{6}$", e.Cid));
        var alpha = list.ByCid("CID000292")!;
        Assert.Equal("Alpha Assembly Solutions Inc", alpha.StandardName);
        Assert.Same(alpha, list.ByName(Metal.Tin, "Alpha Metals"));
        Assert.Equal("RMI_CMRT_6.5 Smelter Look-up", list.Version);
    }

    [Fact]
    public void GenericImporter_CsvWithShuffledHeaders_FindsColumns()
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "RMI export 2025-05-01\n\nCountry,Standard Smelter Name,Smelter ID,Metal,RMI Status\nJAPAN,Asahi Pretec Corp.,CID000082,Gold,Conformant\nCHINA,\"Foo, Bar Tin\",CID009999,Tin,Active\n");
        try
        {
            var list = GenericReferenceImporter.Load(path);

            Assert.Equal(2, list.Count);
            Assert.Equal(("Foo, Bar Tin", "CHINA", "Active"), (list.ByCid("CID009999")!.StandardName, list.ByCid("CID009999")!.Country, list.ByCid("CID009999")!.AuditStatus));
        }
        finally { File.Delete(path); }
    }

    [RealFilesFact]
    public void GenericImporter_RmiTemplate_UsesLookupSheet()
    {
        var list = GenericReferenceImporter.Load(SharedData.Template("6.01"));

        Assert.Equal(311, list.Count);
    }

    [Fact]
    public void Merge_StatusListLast_FillsStatusAndKeepsFirstName()
    {
        var names = new SmelterReferenceList("a", [new SmelterReference("CID000001", Metal.Gold, "Alpha Gold", "JAPAN", V2Id: "1JPN001")]);
        var statuses = new SmelterReferenceList("b", [new SmelterReference("CID000001", Metal.Gold, "Alpha Gold Refinery", "Japan", AuditStatus: "Conformant")]);

        var merged = SmelterReferenceMerger.Merge("test", [names, statuses]);

        var e = merged.ByCid("CID000001")!;
        Assert.Equal(("Alpha Gold", "1JPN001", "Conformant"), (e.StandardName, e.V2Id, e.AuditStatus));
        Assert.Same(e, merged.ByName(Metal.Gold, "Alpha Gold Refinery"));
    }
}
