namespace Workflow.Rules.Policies;

/// <summary>
/// The stable finding code of each red flag, in the style of the checker's codes (CMRT-…). The covered-country codes
/// are the ones the CLI printed before the policy was its only assessor, so scripts that group by code keep working.
/// </summary>
public static class RedFlagCodes
{
    public const string CoveredCountrySourcing = "CMRT-RED-FLAG-COVERED-COUNTRY-SOURCING";
    public const string CahraSourcing = "CMRT-RED-FLAG-CAHRA-SOURCING";
    public const string SmelterInCoveredCountry = "CMRT-RED-FLAG-COVERED-COUNTRY-SMELTER";
    public const string SmelterInCahra = "CMRT-RED-FLAG-CAHRA-SMELTER";
    public const string SmelterOnConcernList = "CMRT-RED-FLAG-CONCERN-LIST-SMELTER";
    public const string SmelterAuditStatusNotAcceptable = "CMRT-RED-FLAG-SMELTER-AUDIT-STATUS";
    public const string SmelterNotOnReferenceList = "CMRT-RED-FLAG-SMELTER-NOT-KNOWN";
    public const string SmelterNotYetIdentified = "CMRT-RED-FLAG-SMELTER-NOT-YET-IDENTIFIED";
    public const string LowSupplierResponseRate = "CMRT-RED-FLAG-LOW-SUPPLIER-RESPONSE";
    public const string NotAllSmeltersIdentified = "CMRT-RED-FLAG-NOT-ALL-SMELTERS-IDENTIFIED";
    public const string CompanyLevelDeclarationNamesRedFlagSmelter = "CMRT-RED-FLAG-COMPANY-LEVEL-SCOPE";

    private static readonly Dictionary<string, string> ByFlag = new(StringComparer.Ordinal)
    {
        [RedFlags.CoveredCountrySourcing] = CoveredCountrySourcing,
        [RedFlags.CahraSourcing] = CahraSourcing,
        [RedFlags.SmelterInCoveredCountry] = SmelterInCoveredCountry,
        [RedFlags.SmelterInCahra] = SmelterInCahra,
        [RedFlags.SmelterOnConcernList] = SmelterOnConcernList,
        [RedFlags.SmelterAuditStatusNotAcceptable] = SmelterAuditStatusNotAcceptable,
        [RedFlags.SmelterNotOnReferenceList] = SmelterNotOnReferenceList,
        [RedFlags.SmelterNotYetIdentified] = SmelterNotYetIdentified,
        [RedFlags.LowSupplierResponseRate] = LowSupplierResponseRate,
        [RedFlags.NotAllSmeltersIdentified] = NotAllSmeltersIdentified,
        [RedFlags.CompanyLevelDeclarationNamesRedFlagSmelter] = CompanyLevelDeclarationNamesRedFlagSmelter,
    };

    public static string Of(string flag) => ByFlag[flag];
}
