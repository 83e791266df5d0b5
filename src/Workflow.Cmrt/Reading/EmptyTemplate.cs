using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Reading;

/// <summary>
/// A template sent back as it was distributed: nothing the supplier types is there. The language choice in D3 does
/// not count (every template carries one), nor do Smelter List rows (third-party blank templates sometimes carry a
/// stray sample row).
/// </summary>
internal static class EmptyTemplate
{
    public static bool Is(CompanyInfo company, string? scopeRaw, string? scopeDescription, IReadOnlyList<MetalAnswers> metals,
        CompanyAnswers companyAnswers, IReadOnlyList<ProductRow> products)
    {
        if (scopeRaw is not null || scopeDescription is not null || products.Count > 0) return false;
        string?[] fields =
        [
            company.Name, company.UniqueId, company.UniqueIdAuthority, company.Address, company.ContactName, company.ContactEmail,
            company.ContactPhone, company.AuthorizerName, company.AuthorizerTitle, company.AuthorizerEmail, company.AuthorizerPhone,
            company.EffectiveDateRaw,
        ];
        if (fields.Any(f => f is not null)) return false;
        AnswerCell?[] cells =
        [
            .. metals.SelectMany(m => new[]
            {
                m.IntentionallyAdded, m.RemainsInProduct, m.CoveredCountrySourcing, m.CahraSourcing, m.RecycledOrScrap,
                m.SupplierResponse, m.AllSmeltersIdentified, m.AllInformationReported, m.AllSmeltersCompliant,
            }),
            companyAnswers.Policy, companyAnswers.PolicyPublic, companyAnswers.RequiresSuppliersConflictFree,
            companyAnswers.RequiresValidatedSmelters, companyAnswers.DueDiligenceMeasures, companyAnswers.SurveysSuppliers,
            companyAnswers.RequestsSmelterNames, companyAnswers.ReviewsSupplierInformation, companyAnswers.CorrectiveAction,
            companyAnswers.FilesDisclosure,
        ];
        return cells.All(c => c is null || (c.IsBlank && c.Raw is null && c.Comment is null));
    }
}
