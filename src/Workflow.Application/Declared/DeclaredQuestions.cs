using Workflow.Cmrt.Model;

namespace Workflow.Application.Declared;

/// <summary>One question of the Declaration sheet in plain words, with how to read its answer cell out of a declaration.</summary>
public sealed record DeclaredQuestion(string Key, string Text, Func<MetalAnswers, AnswerCell?>? PerMetal = null, Func<CompanyAnswers, AnswerCell?>? Company = null);

/// <summary>
/// The Declaration sheet's questions across template versions, worded for a reader who does not know the template's
/// letters and numbers (a version that does not ask a question has no cell for it, and the row is left out).
/// </summary>
public static class DeclaredQuestions
{
    /// <summary>The order people say "3TG" in, not the template's row order.</summary>
    public static readonly Metal[] MetalOrder = [Metal.Tin, Metal.Tantalum, Metal.Tungsten, Metal.Gold];

    public static readonly DeclaredQuestion[] PerMetal =
    [
        new("added", "Is the metal intentionally added to or used in the product?", m => m.IntentionallyAdded),
        new("remains", "Does the metal remain in the product?", m => m.RemainsInProduct),
        new("covered", "Does any of it come from the DRC or an adjoining country?", m => m.CoveredCountrySourcing),
        new("cahra", "Does any of it come from a conflict-affected or high-risk area?", m => m.CahraSourcing),
        new("recycled", "Does all of it come from recycled or scrap sources?", m => m.RecycledOrScrap),
        new("responded", "Have the relevant suppliers responded?", m => m.SupplierResponse),
        new("identified", "Have all smelters been identified?", m => m.AllSmeltersIdentified),
        new("reported", "Has all smelter information received been reported?", m => m.AllInformationReported),
        new("compliant", "Are all smelters validated as compliant?", m => m.AllSmeltersCompliant),
    ];

    public static readonly DeclaredQuestion[] CompanyLevel =
    [
        new("policy", "Has a responsible minerals sourcing policy", Company: c => c.Policy),
        new("policy-public", "The policy is publicly available on its website", Company: c => c.PolicyPublic),
        new("conflict-free", "Requires its direct suppliers to be DRC conflict-free", Company: c => c.RequiresSuppliersConflictFree),
        new("validated", "Requires its direct suppliers to source from smelters validated by independent audit", Company: c => c.RequiresValidatedSmelters),
        new("due-diligence", "Has implemented due diligence measures for responsible sourcing", Company: c => c.DueDiligenceMeasures),
        new("surveys", "Surveys its relevant suppliers", Company: c => c.SurveysSuppliers),
        new("smelter-names", "Requests smelter names from its suppliers", Company: c => c.RequestsSmelterNames),
        new("reviews", "Reviews the due diligence information received from its suppliers", Company: c => c.ReviewsSupplierInformation),
        new("corrective", "Its review process includes corrective action management", Company: c => c.CorrectiveAction),
        new("sec", "Is subject to the SEC conflict minerals disclosure requirement", Company: c => c.FilesDisclosure),
    ];

    public static string MetalName(Metal metal) => metal.ToString().ToLowerInvariant();

    /// <summary>The supplier's own words for an answer ("—" when blank), exactly as typed: the page encodes it.</summary>
    public static string Shown(AnswerCell? cell) =>
        cell is null ? "not asked" : string.IsNullOrWhiteSpace(cell.Raw) ? "—" : cell.Raw.Trim();
}
