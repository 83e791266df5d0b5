using Workflow.Cmrt.Model;

namespace Workflow.Rules.Policies;

/// <summary>
/// The company-level question meanings a policy can name in <c>strongProgramCriteria</c>. The reader has already
/// mapped each version's letters onto these meanings, so one policy works for 2.x and 6.x alike.
/// </summary>
public static class ProgramCriteria
{
    private static readonly Dictionary<string, Func<CompanyAnswers, AnswerCell?>> Meanings = new(StringComparer.Ordinal)
    {
        ["policy"] = c => c.Policy,
        ["policyPublic"] = c => c.PolicyPublic,
        ["requiresSuppliersConflictFree"] = c => c.RequiresSuppliersConflictFree,
        ["requiresValidatedSmelters"] = c => c.RequiresValidatedSmelters,
        ["dueDiligenceMeasures"] = c => c.DueDiligenceMeasures,
        ["surveysSuppliers"] = c => c.SurveysSuppliers,
        ["requestsSmelterNames"] = c => c.RequestsSmelterNames,
        ["reviewsSupplierInformation"] = c => c.ReviewsSupplierInformation,
        ["correctiveAction"] = c => c.CorrectiveAction,
        ["filesDisclosure"] = c => c.FilesDisclosure,
    };

    public static IReadOnlyCollection<string> Names => Meanings.Keys;

    public static bool IsKnown(string meaning) => Meanings.ContainsKey(meaning);

    public static AnswerCell? Answer(CompanyAnswers answers, string meaning) =>
        Meanings.TryGetValue(meaning, out var get) ? get(answers) : null;

    /// <summary>
    /// A criterion the supplier's version does not ask (null) cannot be met: the seed's criteria are asked in every
    /// version, and a custom criterion such as requestsSmelterNames should not be passed silently by 5.x and 6.x.
    /// </summary>
    public static bool AllYes(CompanyAnswers answers, IEnumerable<string> criteria) =>
        criteria.All(m => Answer(answers, m) is { IsYes: true });

    public static IReadOnlyList<string> Unmet(CompanyAnswers answers, IEnumerable<string> criteria) =>
        criteria.Where(m => Answer(answers, m) is not { IsYes: true }).ToList();
}
