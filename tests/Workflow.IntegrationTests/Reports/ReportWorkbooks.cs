using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;
using Workflow.Cmrt.Writing;

namespace Workflow.IntegrationTests.Reports;

/// <summary>Generated CMRT 6.5 files and a small reference list for constructed report campaigns.</summary>
public static class ReportWorkbooks
{
    /// <summary>Every Company:* setting the roll-up needs, for an example company.</summary>
    public static Dictionary<string, string?> CompanySettings() => new()
    {
        ["Company:Name"] = "Example Motors, Inc.",
        ["Company:Address"] = "1 Test Road, Springfield, USA",
        ["Company:ContactName"] = "Casey Compliance",
        ["Company:ContactEmail"] = "compliance@example-motors.example",
        ["Company:ContactPhone"] = "+1 555 0199",
        ["Company:AuthorizerName"] = "Alex Authorizer",
        ["Company:AuthorizerTitle"] = "VP Supply Chain",
        ["Company:AuthorizerEmail"] = "vp@example-motors.example",
        ["Company:AuthorizerPhone"] = "+1 555 0100",
    };

    public static readonly SmelterReference AlphaGold = new("CID900001", Metal.Gold, "Alpha Gold Refinery Co., Ltd.", "Japan", AuditStatus: "Conformant");
    public static readonly SmelterReference BetaGold = new("CID900002", Metal.Gold, "Beta Bullion AG", "Germany", AuditStatus: "Active");
    public static readonly SmelterReference GammaTin = new("CID900003", Metal.Tin, "Gamma Tin Works", "Malaysia");
    public static readonly SmelterReference DeltaTin = new("CID900004", Metal.Tin, "Delta Tin Rwanda", "Rwanda", AuditStatus: "Conformant");

    public static SmelterReferenceList List(string version = "report-test-list") => new(version, [AlphaGold, BetaGold, GammaTin, DeltaTin]);

    public static readonly string?[] StrongProgram =
        ["Yes", "Yes", "Yes", "Yes", "Yes, in conformance with IPC1755 (e.g., CMRT)", "Yes", "Yes", "Yes, with the SEC"];
    public static readonly string?[] WeakProgram =
        ["No", "No", "Yes", "Yes", "Yes, in conformance with IPC1755 (e.g., CMRT)", "Yes", "Yes", "No"];

    public static CmrtWorkbookSpec Spec(string company, string email) => new()
    {
        CompanyName = company,
        ContactName = "Compliance desk",
        ContactEmail = email,
        ContactPhone = "+1 555 0100",
        AuthorizerName = "Quality Director",
        AuthorizerTitle = "Director",
        AuthorizerEmail = email,
        EffectiveDate = new DateOnly(2027, 1, 10),
        CompanyAnswers = StrongProgram,
        CompanyComments = [null, "https://supplier.example/policy", null, null, null, null, null, null],
        MetalAnswers = Enum.GetValues<Metal>().ToDictionary(m => m, _ => new string?[] { "No", "No" }),
    };

    /// <summary>A spec declaring the given metals in scope with one covered-country answer for all of them.</summary>
    public static CmrtWorkbookSpec InScope(this CmrtWorkbookSpec spec, string covered, string recycled, params Metal[] metals) => spec with
    {
        MetalAnswers = Enum.GetValues<Metal>().ToDictionary(m => m, m => metals.Contains(m)
            ? new string?[] { "Yes", "Yes", covered, "No", recycled, "100%", "Yes", "Yes" }
            : new string?[] { "No", "No" }),
    };

    public static SmelterLine Line(SmelterReference s) => new(s.Metal.ToString(), s.StandardName, s.StandardName, s.Country, s.Cid);

    /// <summary>A row naming a listed smelter by a spelling of its own and no identifier.</summary>
    public static SmelterLine Variant(Metal metal, string name, string country) => new(metal.ToString(), name, name, country, null);

    public static SmelterLine NotListed(Metal metal, string name, string country) => new(metal.ToString(), "Smelter not listed", name, country, null, null);
}
