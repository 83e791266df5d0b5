using Workflow.Cmrt.Model;
using Workflow.Cmrt.Writing;
using Workflow.Application.Reports;

namespace Workflow.Application.Reports.Rollup;

/// <summary>
/// Derives the company's own CMRT from a campaign: a metal is in scope when any valid supplier declaration has it in
/// scope; sourcing answers take the most cautious supplier answer; the response band is the campaign's response
/// rate; the Smelter List is every distinct smelter with a CID. The compliance owner's overrides are applied last.
/// </summary>
public static class RollupDeclaration
{
    public const string CompanyScope = "A. Company";
    public const string NotYetIdentified = "Smelter not yet identified";

    /// <summary>
    /// Company questions A–H when not overridden: what running this service's process demonstrates (due-diligence
    /// measures, CMRT surveys, review, corrective action) is Yes; a public policy (B) needs its URL, so it is No until given.
    /// </summary>
    public static readonly string?[] DefaultCompanyAnswers = ["Yes", "No", "No", "Yes", RollupAnswers.SurveyIpc1755, "Yes", "Yes", "Yes, with the SEC"];

    public static CmrtWorkbookSpec Derive(ReportData data, SmelterCatalogResult catalog, CompanyOptions company, RollupOverrides overrides, DateOnly today)
    {
        var declarations = data.Cases.Where(c => c.LatestValid?.Declaration is not null).Select(c => c.LatestValid!.Declaration!).ToList();
        var band = RollupAnswers.Band(data.Cases.Count(c => c.Responded), data.Cases.Count);
        var everyoneValid = data.Cases.Count > 0 && data.Cases.All(c => c.HasValid);

        var answers = new Dictionary<Metal, string?[]>();
        foreach (var metal in Enum.GetValues<Metal>())
        {
            var inScope = declarations.SelectMany(d => d.Metals).Where(m => m.InScope && MetalNames.TryParse(m.Metal) == metal).ToList();
            var named = catalog.Smelters.Where(s => s.Metal == metal.ToString()).ToList();
            answers[metal] = inScope.Count == 0
                ? ["No", "No", null, null, null, null, null, null]
                :
                [
                    "Yes", "Yes",
                    MostCautious(inScope.Select(m => m.CoveredCountrySourcing)),
                    MostCautious(inScope.Select(m => m.CahraSourcing)),
                    AllYes(inScope.Select(m => m.RecycledOrScrap)),
                    band,
                    everyoneValid && inScope.All(m => m.AllSmeltersIdentified?.Value == "Yes") && catalog.NotYetIdentifiedRows == 0 ? "Yes" : "No",
                    named.All(s => s.Cid is not null) ? "Yes" : "No",
                ];
        }
        var companyAnswers = DefaultCompanyAnswers.ToArray();
        var companyComments = new string?[8];
        foreach (var (key, value) in overrides.Answers)
            switch (RollupOverrides.Key(key))
            {
                case (Metal metal, int q): answers[metal][q - 1] = value; break;
                case (null, int letter): companyAnswers[letter] = value; break;
            }
        foreach (var (key, value) in overrides.Comments)
            if (RollupOverrides.Key(key) is (null, int letter)) companyComments[letter] = value;

        var scoped = answers.Where(a => a.Value[0] != "No" && a.Value[1] != "No").Select(a => a.Key.ToString()).ToHashSet();
        var lines = catalog.Smelters.Where(s => s.Cid is not null && scoped.Contains(s.Metal))
            .Select(s => new SmelterLine(s.Metal, s.Name, s.Name, s.Country, s.Cid)).ToList();
        // The template wants a row per metal in scope; saying "not yet identified" is the honest row when no supplier named one with a CID.
        lines.AddRange(scoped.Where(m => lines.All(l => l.Metal != m)).Order(StringComparer.Ordinal)
            .Select(m => new SmelterLine(m, NotYetIdentified, null, null, null, null)));

        return new CmrtWorkbookSpec
        {
            CompanyName = company.Name,
            Scope = overrides.Scope ?? CompanyScope,
            ScopeDescription = overrides.ScopeDescription,
            Address = company.Address,
            ContactName = company.ContactName,
            ContactEmail = company.ContactEmail,
            ContactPhone = company.ContactPhone,
            AuthorizerName = company.AuthorizerName,
            AuthorizerTitle = company.AuthorizerTitle,
            AuthorizerEmail = company.AuthorizerEmail,
            AuthorizerPhone = company.AuthorizerPhone,
            EffectiveDate = today,
            MetalAnswers = answers,
            CompanyAnswers = companyAnswers,
            CompanyComments = companyComments,
            Smelters = lines,
            IncludeGuideSheets = true,
        };
    }

    /// <summary>Yes if anyone said Yes; Unknown if anyone did not say No (unknown, blank, not asked); else No.</summary>
    private static string MostCautious(IEnumerable<StoredEvaluation.StoredAnswer?> answers)
    {
        var values = answers.Select(a => a?.Value).ToList();
        return values.Contains("Yes") ? "Yes" : values.All(v => v == "No") ? "No" : "Unknown";
    }

    /// <summary>100% recycled only if every supplier said so.</summary>
    private static string AllYes(IEnumerable<StoredEvaluation.StoredAnswer?> answers)
    {
        var values = answers.Select(a => a?.Value).ToList();
        return values.All(v => v == "Yes") ? "Yes" : values.All(v => v is "Yes" or "No") ? "No" : "Unknown";
    }
}
