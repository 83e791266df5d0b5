namespace Workflow.Rules.Policies;

/// <summary>
/// The flag names a policy's <c>redFlags</c> map configures. The findings they produce carry the matching
/// <see cref="RedFlagCodes"/> code.
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
