using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Reference;
using Workflow.Cmrt.Writing;

namespace Workflow.Tests.Shared;

/// <summary>
/// Complete, acceptable declarations in each layout family the reader supports (2.x–6.x; the project's own writer
/// knows 2.x, 3.x and 6.x, the tests write 4.x and 5.x by structure), with each version's own answer words, and the small smelter list they name. The normal suite builds
/// its workbooks from these instead of third-party files.
/// </summary>
public static class GeneratedDeclarations
{
    public static readonly string[] Versions = ["2.01", "2.03a", "3.01", "6.01", "6.22", "6.5"];

    /// <summary>
    /// Every released CMRT from 2.00 to 6.5 (cmrt-format.md §1), as the reader names them; 4.x and 5.x have no verified
    /// layout and are written by structure (tests' VersionedWorkbooks). Kept apart from <see cref="Versions"/> so the
    /// suites that multiply versions by forms stay fast.
    /// </summary>
    public static readonly string[] AllVersions =
    [
        "2.00", "2.01", "2.02", "2.03", "2.03a", "3.00", "3.01", "3.02",
        "4.00", "4.01", "4.01a", "4.01b", "4.10", "4.20", "5.00", "5.01", "5.10", "5.11", "5.12",
        "6.0", "6.01", "6.1", "6.2", "6.21", "6.22", "6.3", "6.31", "6.4", "6.5",
    ];

    public static readonly SmelterReference[] Smelters =
    [
        new("CID000101", Metal.Tantalum, "Alpha Tantalum Works", "Japan", AuditStatus: "Conformant"),
        new("CID000102", Metal.Tin, "Beta Tin Smelting Co.", "Malaysia", AuditStatus: "Conformant"),
        new("CID000103", Metal.Gold, "Gamma Gold Refinery AG", "Switzerland", AuditStatus: "Conformant"),
        new("CID000104", Metal.Tungsten, "Delta Tungsten Ltd.", "Vietnam", AuditStatus: "Conformant"),
    ];

    public static SmelterReferenceList List { get; } = new("generated-test-list", Smelters);
    public static CmrtReaderOptions ReaderOptions { get; } = CmrtReaderOptions.Default with { ReferenceList = List };

    /// <summary>A complete declaration with the company name missing and the contact's e-mail malformed: invalid.</summary>
    public static CmrtWorkbookSpec Invalid(string version) =>
        Complete(version) with { CompanyName = null, ContactEmail = "compliance at supplier" };

    /// <summary>A complete declaration that sources tin from the covered countries: a red flag under every policy.</summary>
    public static CmrtWorkbookSpec CoveredCountryTin(string version)
    {
        var spec = Complete(version);
        return spec with { MetalAnswers = new Dictionary<Metal, string?[]>(spec.MetalAnswers) { [Metal.Tin] = MetalAnswers(version, coveredCountry: true) } };
    }

    /// <summary>The smelter list of <see cref="Smelters"/> as an RMI-style CSV, for reference-list imports.</summary>
    public static string ListCsv() =>
        "Smelter ID,Metal,Standard Smelter Name,Country,Status\n" +
        string.Concat(Smelters.Select(s => $"{s.Cid},{s.Metal},{s.StandardName},{s.Country},{s.AuditStatus}\n"));

    public static int FamilyOf(string version) => int.Parse(version.Split('.')[0]);

    /// <summary>All four metals in scope, none from covered countries, every smelter identified and conformant.</summary>
    public static CmrtWorkbookSpec Complete(string version) => new()
    {
        Version = version,
        CompanyName = $"Generated Components {version} Ltd",
        Scope = "A. Company",
        UniqueId = "DUNS 123456789",
        UniqueIdAuthority = FamilyOf(version) == 2 ? null : "Dun & Bradstreet",
        Address = "1 Foundry Lane, Springfield",
        ContactName = "Jane Doe",
        ContactEmail = "jane.doe@generated.example",
        ContactPhone = "+1 555 0100",
        AuthorizerName = "John Roe",
        AuthorizerTitle = "Chief Executive Officer",
        AuthorizerEmail = "john.roe@generated.example",
        AuthorizerPhone = "+1 555 0101",
        EffectiveDate = new DateOnly(2025, 1, 15),
        MetalAnswers = Enum.GetValues<Metal>().ToDictionary(m => m, _ => MetalAnswers(version, coveredCountry: false)),
        CompanyAnswers = CompanyAnswers(version),
        CompanyComments = [null, "https://generated.example/responsible-minerals"],
        Smelters = Smelters.Select(s => new SmelterLine(s.Metal.ToString(), s.StandardName, s.StandardName, s.Country, s.Cid)).ToList(),
    };

    /// <summary>
    /// The per-metal answers in this version's numbering and words; Yes to covered-country sourcing when asked.
    /// 4.x and 5.x get the 3.x words: their drop-downs were never seen (5.0 reworded Q5, perhaps its answers too).
    /// </summary>
    public static string?[] MetalAnswers(string version, bool coveredCountry) => FamilyOf(version) switch
    {
        2 => ["Yes", coveredCountry ? "Yes" : "No", "No", "Yes", "Yes all smelters have been provided", "Yes"],
        3 or 4 or 5 => ["Yes", "Yes", coveredCountry ? "Yes" : "No", "No", "Yes, 100%", "Yes", "Yes"],
        _ => ["Yes", "Yes", coveredCountry ? "Yes" : "No", "No", "No", "100%", "Yes", "Yes"],
    };

    public static string?[] CompanyAnswers(string version) => FamilyOf(version) switch
    {
        2 => ["Yes", "Yes", "Yes", "Yes", "Yes", "Yes", "Yes", "Yes (3rd party audit)", "Yes", "Yes"],
        3 or 4 => ["Yes", "Yes", "Yes", "Yes", "Yes", "Yes", "Yes", "Yes", "Yes", "Yes"],
        // 5.0 removed the former G (requests smelter names): nine questions A–I.
        5 => ["Yes", "Yes", "Yes", "Yes", "Yes", "Yes", "Yes", "Yes", "Yes"],
        _ => ["Yes", "Yes", "Yes", "Yes", "Yes, in conformance with IPC1755 (e.g., CMRT)", "Yes", "Yes", "Yes, with the SEC"],
    };
}
