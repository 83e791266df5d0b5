using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;

namespace Workflow.Rules.Tests.Support;

/// <summary>A small reference list with one smelter of each kind the rules care about.</summary>
public static class References
{
    public const string ConformantGold = "CID000001";      // Switzerland, Conformant
    public const string ActiveTin = "CID000002";           // Indonesia, Active
    public const string NonConformantTin = "CID000003";    // Malaysia, Non-Conformant
    public const string RwandaTin = "CID000004";           // Rwanda (covered), Conformant
    public const string RwandaTinNotAudited = "CID000005"; // Rwanda (covered), no RMAP status word "Not Enrolled"
    public const string MyanmarTin = "CID000006";          // Myanmar (CAHRA in strict), Conformant
    public const string NoStatusTungsten = "CID000007";    // China, list carries no status
    public const string DrcGold = "CID000008";             // DRC (covered), Conformant
    public const string ConformantTantalum = "CID000009";  // Japan, Conformant
    public const string ConformantTungsten = "CID000010";  // Austria, Conformant
    public const string ConformantTin = "CID000011";       // Peru, Conformant
    public const string UnknownCid = "CID999999";          // not on the list

    public static SmelterReferenceList List { get; } = new("test-2026-01", [
        new SmelterReference(ConformantGold, Metal.Gold, "Alpine Gold Refinery", "Switzerland", AuditStatus: "Conformant"),
        new SmelterReference(ActiveTin, Metal.Tin, "Bangka Tin Works", "Indonesia", AuditStatus: "Active"),
        new SmelterReference(NonConformantTin, Metal.Tin, "Malay Smelting Co", "Malaysia", AuditStatus: "Non-Conformant"),
        new SmelterReference(RwandaTin, Metal.Tin, "Kigali Tin Smelter", "Rwanda", AuditStatus: "Conformant"),
        new SmelterReference(RwandaTinNotAudited, Metal.Tin, "Gisenyi Tin", "RWANDA", AuditStatus: "Not Enrolled"),
        new SmelterReference(MyanmarTin, Metal.Tin, "Yangon Tin", "Myanmar", AuditStatus: "Conformant"),
        new SmelterReference(NoStatusTungsten, Metal.Tungsten, "Ganzhou Tungsten", "China"),
        new SmelterReference(DrcGold, Metal.Gold, "Kinshasa Gold", "Congo, Democratic Republic of the", AuditStatus: "Conformant"),
        new SmelterReference(ConformantTantalum, Metal.Tantalum, "Nagoya Tantalum", "Japan", AuditStatus: "Conformant"),
        new SmelterReference(ConformantTungsten, Metal.Tungsten, "Tyrol Tungsten", "Austria", AuditStatus: "Conformant"),
        new SmelterReference(ConformantTin, Metal.Tin, "Andes Tin", "Peru", AuditStatus: "Conformant"),
    ]);
}
