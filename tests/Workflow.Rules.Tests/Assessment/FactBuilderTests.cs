using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;
using Workflow.Rules.Assessment;
using Workflow.Rules.Facts;
using Workflow.Rules.Tests.Support;

namespace Workflow.Rules.Tests.Assessment;

public sealed class FactBuilderTests
{
    private static readonly SmelterReferenceList List = new("v2-test", [
        new SmelterReference("CID000200", Metal.Gold, "Nihon Gold Refining", "Japan", V2Id: "1JPN072",
            Aliases: ["Nihon Kinzoku"], AuditStatus: "Compliant"),
    ]);

    private static SmelterRow Row(string? cid = null, string? idRaw = null, string? name = null,
        SmelterRowKind kind = SmelterRowKind.Listed, Metal metal = Metal.Gold) => new()
    {
        RowNumber = 9, Metal = metal, Kind = kind, Cid = cid, IdRaw = idRaw, Name = name, Country = "JAPAN",
    };

    [Fact]
    public void Smelter_ByCid_JoinsReferenceCountryAndStatus()
    {
        var fact = FactBuilder.Smelter(Row(cid: "cid000200"), List);

        Assert.Equal("Nihon Gold Refining", fact.Name);
        Assert.Equal("JP", fact.CountryCode);
        Assert.Equal(SmelterAuditStatus.Conformant, fact.AuditStatus);
        Assert.Equal("Smelter List!9:9", fact.Location);
    }

    [Fact]
    public void Smelter_ByOldV2Id_IsFound() =>
        Assert.Equal("CID000200", FactBuilder.Smelter(Row(idRaw: "1JPN072"), List).Cid);

    [Fact]
    public void Smelter_ByAlias_IsFound() =>
        Assert.True(FactBuilder.Smelter(Row(name: "NIHON KINZOKU Co., Ltd."), List).IsOnReferenceList);

    [Fact]
    public void Smelter_NotYetIdentified_IsNeverMatched() =>
        Assert.Equal(SmelterAuditStatus.NotYetIdentified,
            FactBuilder.Smelter(Row(name: "Nihon Gold Refining", kind: SmelterRowKind.NotYetIdentified), List).AuditStatus);

    [Theory]
    [InlineData("Conformant", SmelterAuditStatus.Conformant)]
    [InlineData("COMPLIANT", SmelterAuditStatus.Conformant)]
    [InlineData("Cross Recognized", SmelterAuditStatus.Conformant)]
    [InlineData("Active", SmelterAuditStatus.Active)]
    [InlineData("Progressing", SmelterAuditStatus.Active)]
    [InlineData("Non-Conformant", SmelterAuditStatus.NotAudited)]
    [InlineData(null, SmelterAuditStatus.Unknown)]
    public void Classify_StatusWords(string? status, string expected)
    {
        var reference = new SmelterReference("CID000300", Metal.Tin, "X", "Peru", AuditStatus: status);

        Assert.Equal(expected, AuditStatusClassifier.Classify(Row(metal: Metal.Tin), reference));
    }

    [Fact]
    public void Build_InsertsOneFactPerRowPlusTheGroupedList()
    {
        var declaration = DeclarationBuilder.Clean().Smelter(Metal.Gold, References.ConformantGold)
            .Smelter(Metal.Gold, References.ConformantGold).Smelter(Metal.Tin, References.ActiveTin).Build();

        var facts = FactBuilder.Build(declaration, [], TestPolicies.Default, References.List, new DateOnly(2026, 1, 1));

        Assert.Equal(3, facts.OfType<SmelterFact>().Count());
        var list = Assert.Single(facts.OfType<SmelterList>());
        Assert.Equal(2, list.ForMetal(Metal.Gold).Count);
        Assert.Empty(list.ForMetal(Metal.Tungsten));
        Assert.Equal(4, facts.OfType<MetalFact>().Count());
    }
}
