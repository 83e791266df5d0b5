namespace Workflow.Rules.Policies;

/// <summary>
/// The flag names a policy's <c>redFlags</c> map configures. Each is also the code of the finding it produces, so
/// scripts, reports and simulation diffs can group by it.
/// </summary>
public static class RedFlags
{
    public const string CoveredCountrySourcing = "coveredCountrySourcing";
    public const string CahraSourcing = "cahraSourcing";
    public const string SmelterInCoveredCountry = "smelterInCoveredCountry";
    public const string SmelterInCahra = "smelterInCahra";
    public const string SmelterOnConcernList = "smelterOnConcernList";
    public const string SmelterAuditStatusNotAcceptable = "smelterAuditStatusNotAcceptable";
    public const string SmelterNotOnReferenceList = "smelterNotOnReferenceList";
    public const string SmelterNotYetIdentified = "smelterNotYetIdentified";
    public const string LowSupplierResponseRate = "lowSupplierResponseRate";
    public const string NotAllSmeltersIdentified = "notAllSmeltersIdentified";
    public const string CompanyLevelDeclarationNamesRedFlagSmelter = "companyLevelDeclarationNamesRedFlagSmelter";

    public static IReadOnlyList<string> All { get; } =
    [
        CoveredCountrySourcing, CahraSourcing, SmelterInCoveredCountry, SmelterInCahra, SmelterOnConcernList,
        SmelterAuditStatusNotAcceptable, SmelterNotOnReferenceList, SmelterNotYetIdentified, LowSupplierResponseRate,
        NotAllSmeltersIdentified, CompanyLevelDeclarationNamesRedFlagSmelter,
    ];
}
