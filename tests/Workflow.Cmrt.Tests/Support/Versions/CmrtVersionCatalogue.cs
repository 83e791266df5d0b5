using System.Globalization;

namespace Workflow.Cmrt.Tests.Support.Versions;

/// <summary>Every released CMRT from 2.00 to 6.5 (docs/cmrt-format.md §1, §3, §4, §6, §7).</summary>
public static class CmrtVersionCatalogue
{
    /// <summary>J3 as printed where it was read from a real file (§3); for the others "Revision x.yz" and the release date of §1.</summary>
    private static readonly Dictionary<string, string> Printed = new()
    {
        ["2.00"] = "Revision 2 August 29th 2012",
        ["2.01"] = "Revision 2.01 December 21st 2012",
        ["2.02"] = "Revision 2.02 March 29th 2013",
        ["2.03"] = "Revision 2.03\nJuly 12, 2013",
        ["2.03a"] = "Revision 2.03a\nJuly 25th, 2013",
        ["3.00"] = "Revision 3.00\nApril 9, 2014",
        ["3.01"] = "Revision 3.01\nMay 30, 2014",
        ["6.01"] = "Revision 6.01\nMay 19, 2020",
        ["6.1"] = "Revision 6.1\nApril 28, 2021",
        ["6.22"] = "Revision 6.22\nMay 11, 2022",
        ["6.31"] = "Revision 6.31\nMay 26, 2023",
        ["6.4"] = "Revision 6.4\nApril 26, 2024",
        ["6.5"] = "Revision 6.5\nApril 25, 2025",
    };

    private static readonly Dictionary<string, DateOnly> Released = new()
    {
        ["3.02"] = new(2014, 11, 7), ["4.00"] = new(2015, 4, 30), ["4.01"] = new(2015, 6, 12), ["4.01a"] = new(2015, 8, 6),
        ["4.01b"] = new(2015, 11, 16), ["4.10"] = new(2016, 4, 29), ["4.20"] = new(2016, 11, 30), ["5.00"] = new(2017, 5, 12),
        ["5.01"] = new(2017, 6, 21), ["5.10"] = new(2017, 12, 1), ["5.11"] = new(2018, 4, 27), ["5.12"] = new(2019, 4, 26),
        ["6.0"] = new(2020, 5, 13), ["6.2"] = new(2022, 4, 27), ["6.21"] = new(2022, 5, 6), ["6.3"] = new(2023, 5, 5),
    };

    public static CmrtVersionFacts Of(string version)
    {
        var family = int.Parse(version.Split('.')[0], CultureInfo.InvariantCulture);
        var revision = Printed.TryGetValue(version, out var printed)
            ? printed
            : $"Revision {version}\n{Released[version].ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}";
        return new CmrtVersionFacts(version, revision, FormOf(version), LookupSheetOf(family), MetalTexts(family), CompanyTexts(family));
    }

    /// <summary>3.00–5.01 were distributed as .xls; 5.10 moved to .xlsx (§2, Revision sheet); 2.x samples are .xlsx.</summary>
    private static string FormOf(string version) =>
        version[0] is '3' or '4' || version is "5.00" or "5.01" ? "xls" : "xlsx";

    /// <summary>§4: 4.0 replaced "Standard Smelter Names" by "Smelter Reference List", 5.0 renamed it "Smelter Look-up".</summary>
    private static string LookupSheetOf(int family) => family switch
    {
        2 or 3 => "Standard Smelter Names",
        4 => "Smelter Reference List",
        _ => "Smelter Look-up",
    };

    private static readonly string[] V2Metal =
    [
        "Are any of the following metals necessary to the functionality or production of your company's products that it manufactures or contracts to manufacture? (If no for all metals, you are done)",
        "Do the following metals (necessary to the functionality or production of your company's products) originate from the DRC or an adjoining country?",
        "Do the following metals (necessary to the functionality or production of your company's products) come from a recycler or scrap supplier?",
        "Have you received completed Conflict Minerals Reporting Templates from all of your suppliers?",
        "For each of the following metals, have you identified all of the smelters your company and its suppliers use to supply the products included within the declaration scope?",
        "Have all of the smelters used by your company and its suppliers been validated as compliant in accordance with the Conflict-Free Smelter (CFS) Program and listed on the Compliant Smelter List?",
    ];

    private static readonly string[] V3Metal =
    [
        "Is the conflict metal intentionally added to your product?",
        "Is the conflict metal necessary to the production of your company's products and contained in the finished product that your company manufactures or contracts to manufacture?",
        "Does any of the conflict metal originate from the covered countries?",
        "Does 100 percent of the conflict metal (necessary to the functionality or production of your products) originate from recycled or scrap sources?",
        "Have you received conflict metals data/information for each metal from all relevant suppliers of 3TG?",
        "For each conflict metal, have you identified all of the smelters your company and its suppliers use to supply the products included within the declaration scope?",
        "Has all applicable smelter information received by your company been reported in this declaration?",
    ];

    private static readonly string[] V6Metal =
    [
        "Is any 3TG intentionally added or used in the product(s) or in the production process?",
        "Does any 3TG remain in the product(s)?",
        "Do any of the smelters in your supply chain source the 3TG from the covered countries? (SEC term)",
        "Do any of the smelters in your supply chain source the 3TG from conflict-affected and high-risk areas?",
        "Does 100 percent of the 3TG (necessary to the functionality or production of your products) originate from recycled or scrap sources?",
        "What percentage of relevant suppliers have provided a response to your supply chain survey?",
        "Have you identified all of the smelters supplying the 3TG to your supply chain?",
        "Has all applicable smelter information received by your company been reported in this declaration?",
    ];

    /// <summary>A guess: 5.0 reworded Q1, Q2 and Q5 (§1) towards IPC-1755, so the 6.x wording of those three.</summary>
    private static readonly string[] V5Metal = [V6Metal[0], V6Metal[1], V3Metal[2], V3Metal[3], V6Metal[5], V3Metal[5], V3Metal[6]];

    private static readonly string[] V2Company =
    [
        "Do you have a policy in place that includes DRC conflict-free sourcing?",
        "Is this policy publicly available on your website?",
        "Do you require your direct suppliers to be DRC conflict-free?",
        "Do you require your direct suppliers to source from smelters validated as compliant to a CFS protocol using the CFS Compliant Smelter List?",
        "Have you implemented due diligence measures for conflict-free sourcing?",
        "Do you request your suppliers to fill out this Conflict Minerals Reporting Template?",
        "Do you request smelter names from your suppliers?",
        "Do you verify due diligence information received from your suppliers?",
        "Does your verification process include corrective action management?",
        "Are you subject to the SEC Conflict Minerals disclosure requirement rule?",
    ];

    private static readonly string[] V3Company =
    [
        "Do you have a policy in place that addresses conflict minerals sourcing?",
        "Is your conflict minerals sourcing policy publicly available on your website? (Note – If yes, the user shall specify the URL in the comment field.)",
        "Do you require your direct suppliers to be DRC conflict-free?",
        "Do you require your direct suppliers to source from smelters validated by an independent private sector audit firm?",
        "Have you implemented due diligence measures for conflict-free sourcing?",
        "Do you collect conflict minerals due diligence information from your suppliers which is in conformance with the IPC-1755 Conflict Minerals Data Exchange standard [e.g., the CFSI Conflict Minerals Reporting Template]?",
        "Do you request smelter names from your suppliers?",
        "Do you review due diligence information received from your suppliers against your company's expectations?",
        "Does your review process include corrective action management?",
        "Are you subject to the SEC Conflict Minerals rule?",
    ];

    private static readonly string[] V6Company =
    [
        "Have you established a responsible minerals sourcing policy?",
        "Is your responsible minerals sourcing policy publicly available on your website? (Note – If yes, the user shall specify the URL in the comment field.)",
        "Do you require your direct suppliers to source the 3TG from smelters whose due diligence practices have been validated by an independent third party audit program?",
        "Have you implemented due diligence measures for responsible sourcing?",
        "Does your company conduct Conflict Minerals survey(s) of your relevant supplier(s)?",
        "Do you review due diligence information received from your suppliers against your company's expectations?",
        "Does your review process include corrective action management?",
        "Is your company required to file an annual conflict minerals disclosure?",
    ];

    /// <summary>A guess from the revision notes (§7): 3.x without the former G; A, F and I reworded (here in the 6.x words).</summary>
    private static readonly string[] V5Company =
        [V6Company[0], V3Company[1], V3Company[2], V3Company[3], V3Company[4], V6Company[4], V3Company[7], V3Company[8], V6Company[7]];

    private static string[] MetalTexts(int family) => family switch { 2 => V2Metal, 3 or 4 => V3Metal, 5 => V5Metal, _ => V6Metal };

    private static string[] CompanyTexts(int family) => family switch { 2 => V2Company, 3 or 4 => V3Company, 5 => V5Company, _ => V6Company };
}
